/**
 * The import reader (src/data/import-reader.ts): the answer of the latest read only, cancel,
 * the main-thread fallback when the worker cannot start (and only then), and that every read
 * settles, never with an exception, on any input: the worker's own failures and crashes, a
 * throw on the main thread, and the inputs issue 17's audit found (a 1.17 MB list of names that
 * overflowed the stack, a file at the 2 MB limit, bracket runs, binary junk, UTF-16 with and
 * without a byte-order mark). The worker here is a fake that runs readImportInput when told to
 * answer, as the real worker's script does; the script itself is run last, in this thread.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  MAIN_THREAD_MAX_CHARS,
  createImportReader,
  type ImportReader,
  type ReaderReply,
  type ReaderRequest,
} from '../../src/data/import-reader';
import { IMPORT_LIMITS, pastedInput, readImportInput, type ImportInput } from '../../src/domain/import';
import type { Unit } from '../../src/domain/types';
import { realDataset } from '../fixtures/import/real-data';

const units = realDataset().units;
const defaults = { year: 2023, tier: 'A' as const, scoreOrdered: false };

/** A Worker stand-in: keeps the requests; answer() replies to one, fail() fires an error event. */
class FakeWorker {
  onmessage: ((event: MessageEvent<ReaderReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  requests: ReaderRequest[] = [];
  terminated = false;
  postMessage(request: ReaderRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(index: number) {
    const request = this.requests[index];
    if (!request) throw new Error('no such request');
    const read = readImportInput(request.input, request.defaults, request.units);
    this.onmessage?.({ data: { seq: request.seq, read } } as MessageEvent<ReaderReply>);
  }
  /** The script has loaded (the real worker says so first). */
  ready() {
    this.onmessage?.({ data: { ready: true } } as MessageEvent<ReaderReply>);
  }
  /** The worker caught an error while reading request `index`. */
  answerError(index: number, error: string) {
    const request = this.requests[index];
    if (!request) throw new Error('no such request');
    this.onmessage?.({ data: { seq: request.seq, error } } as MessageEvent<ReaderReply>);
  }
  fail(message = '') {
    this.onerror?.({ preventDefault: () => undefined, message } as ErrorEvent);
  }
}

const names = (read: Awaited<ReturnType<ReturnType<typeof createImportReader>['read']>>) =>
  read?.ok ? read.resolved.map((r) => r.entry.raw) : read;

describe('createImportReader', () => {
  it('reads on the main thread where no worker can start, with the same result', async () => {
    const reader = createImportReader(null);
    const read = await reader.read(pastedInput('鹿泉区、栾城区'), defaults, units);
    expect(read).toEqual(readImportInput(pastedInput('鹿泉区、栾城区'), defaults, units));
    expect(names(read)).toEqual(['鹿泉区', '栾城区']);
  });

  it('sends the input to the worker and delivers its answer', async () => {
    const fake = new FakeWorker();
    const reader = createImportReader(() => fake as unknown as Worker);
    const pending = reader.read(pastedInput('鹿泉区'), defaults, units);
    expect(fake.requests).toHaveLength(1);
    fake.answer(0);
    expect(names(await pending)).toEqual(['鹿泉区']);
  });

  it('delivers only the latest read: an earlier one resolves to null, its late answer is ignored', async () => {
    const fake = new FakeWorker();
    const reader = createImportReader(() => fake as unknown as Worker);
    const first = reader.read(pastedInput('鹿泉区'), defaults, units);
    const second = reader.read(pastedInput('栾城区'), defaults, units);
    expect(await first).toBeNull();
    fake.answer(0); // the first request's answer arrives late
    fake.answer(1);
    expect(names(await second)).toEqual(['栾城区']);
  });

  it('cancel() resolves the read to null and ends the busy worker; the next read starts another', async () => {
    const workers: FakeWorker[] = [];
    const reader = createImportReader(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const pending = reader.read(pastedInput('鹿泉区'), defaults, units);
    reader.cancel();
    expect(await pending).toBeNull();
    expect(workers[0]?.terminated).toBe(true);
    const next = reader.read(pastedInput('栾城区'), defaults, units);
    expect(workers).toHaveLength(2);
    workers[1]?.answer(0);
    expect(names(await next)).toEqual(['栾城区']);
  });

  it('falls back to the main thread when the worker fails to load, for this read and the next', async () => {
    let started = 0;
    const fake = new FakeWorker();
    const reader = createImportReader(() => {
      started += 1;
      return fake as unknown as Worker;
    });
    const pending = reader.read(pastedInput('鹿泉区'), defaults, units);
    fake.fail();
    expect(names(await pending)).toEqual(['鹿泉区']);
    expect(names(await reader.read(pastedInput('栾城区'), defaults, units))).toEqual(['栾城区']);
    expect(started).toBe(1);
  });

  it('falls back to the main thread when the worker cannot be constructed', async () => {
    const reader = createImportReader(() => {
      throw new Error('blocked by policy');
    });
    expect(names(await reader.read(pastedInput('鹿泉区'), defaults, units))).toEqual(['鹿泉区']);
  });

  it('reads file bytes: decoding notes come with the result and with the text kept for re-reading', async () => {
    const reader = createImportReader(null);
    const bytes = new TextEncoder().encode('\ufeffname,tier\n鹿泉区,A\n');
    const read = await reader.read({ kind: 'bytes', bytes }, defaults, units);
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.input.maxChars).toBe(2 * 1024 * 1024);
    const again = await reader.read(read.input, { ...defaults, year: 2021 }, units);
    expect(again?.ok && again.resolved.map((r) => r.entry.year)).toEqual([2021]);
  });
});

describe('createImportReader().prepare', () => {
  it('starts the worker before the first read, and only once', async () => {
    let started = 0;
    const fake = new FakeWorker();
    const reader = createImportReader(() => {
      started += 1;
      return fake as unknown as Worker;
    });
    reader.prepare();
    reader.prepare();
    expect(started).toBe(1);
    const pending = reader.read(pastedInput('鹿泉区'), defaults, units);
    fake.answer(0);
    expect(names(await pending)).toEqual(['鹿泉区']);
    expect(started).toBe(1);
  });
});

describe('createImportReader: failures settle as a refusal, and are not read again', () => {
  const failedRead = { ok: false, problems: [expect.objectContaining({ code: 'read-failed', severity: 'error' })] };

  it("a worker's error answer settles the read as failed: the input is not read again on the main thread", async () => {
    let started = 0;
    const fake = new FakeWorker();
    const reader = createImportReader(() => {
      started += 1;
      return fake as unknown as Worker;
    });
    const pending = reader.read(pastedInput('鹿泉区'), defaults, units);
    fake.ready();
    fake.answerError(0, 'RangeError: Maximum call stack size exceeded');
    const read = await pending;
    // readImportInput would have read 鹿泉区 here: a failure means it was not run again.
    expect(read).toEqual(failedRead);
    expect(read?.ok === false && read.problems[0]?.detail).toContain('Maximum call stack size exceeded');
    // The worker stays: the next read goes to it.
    const next = reader.read(pastedInput('栾城区'), defaults, units);
    fake.answer(1);
    expect(names(await next)).toEqual(['栾城区']);
    expect(started).toBe(1);
  });

  it('a worker that dies while reading fails that read; the next read starts another worker', async () => {
    const workers: FakeWorker[] = [];
    const reader = createImportReader(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const pending = reader.read(pastedInput('鹿泉区'), defaults, units);
    workers[0]?.ready();
    workers[0]?.fail('out of memory');
    expect(await pending).toEqual(failedRead);
    expect(workers[0]?.terminated).toBe(true);
    const next = reader.read(pastedInput('栾城区'), defaults, units);
    expect(workers).toHaveLength(2);
    workers[1]?.answer(0);
    expect(names(await next)).toEqual(['栾城区']);
  });

  it('a throw while reading on the main thread settles the read as failed', async () => {
    const reader = createImportReader(null);
    const broken = { length: 1 } as unknown as readonly Unit[];
    expect(await reader.read(pastedInput('鹿泉区'), defaults, broken)).toEqual(failedRead);
  });

  it('on the main thread, a text longer than the paste limit is refused, saying why, rather than hold the page', async () => {
    const reader = createImportReader(null);
    const text = `鹿泉区${' '.repeat(MAIN_THREAD_MAX_CHARS)}`;
    const bytes = new TextEncoder().encode(text);
    expect(await reader.read({ kind: 'bytes', bytes }, defaults, units)).toEqual({
      ok: false,
      problems: [{ code: 'no-worker-too-large', severity: 'error', limit: MAIN_THREAD_MAX_CHARS }],
    });
    // A file whose text is within it is read, as in the worker.
    const small = new TextEncoder().encode(`鹿泉区${' '.repeat(MAIN_THREAD_MAX_CHARS - 3)}`);
    const read = await reader.read({ kind: 'bytes', bytes: small }, defaults, units);
    expect(read).toEqual(readImportInput({ kind: 'bytes', bytes: small }, defaults, units));
    expect(names(read)).toEqual(['鹿泉区']);
  });

  it('a read made moot while it waits on the main thread resolves to null, and the latest one is read', async () => {
    const reader = createImportReader(null);
    const first = reader.read(pastedInput('鹿泉区'), defaults, units);
    const second = reader.read(pastedInput('栾城区'), defaults, units);
    const third = reader.read(pastedInput('藁城区'), defaults, units);
    reader.cancel();
    expect([await first, await second, await third]).toEqual([null, null, null]);
    expect(names(await reader.read(pastedInput('正定县'), defaults, units))).toEqual(['正定县']);
  });
});

// ---------------------------------------------------------------------------------------------
// The audit's inputs, read every way a read can go

const fillBytes = (unit: string, bytes: number): Uint8Array => {
  const one = new TextEncoder().encode(unit);
  return new TextEncoder().encode(unit.repeat(Math.floor(bytes / one.length)));
};
const utf16le = (text: string, bom: boolean): Uint8Array => {
  const body = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) {
    body[2 * i] = text.charCodeAt(i) & 0xff;
    body[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  if (!bom) return body;
  const out = new Uint8Array(body.length + 2);
  out.set([0xff, 0xfe]);
  out.set(body, 2);
  return out;
};
/** Bytes from a seeded generator: the same junk every run. */
const junk = (length: number, seed: number): Uint8Array => {
  let x = seed;
  return Uint8Array.from({ length }, () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x >> 16;
  });
};

const AUDIT_INPUTS: [string, ImportInput][] = [
  ['a 1.17 MB file of 赵县、 (the stack overflow)', { kind: 'bytes', bytes: fillBytes('赵县、', 1_170_000) }],
  ['a file at the 2 MB limit', { kind: 'bytes', bytes: fillBytes('鹿泉区（）、 ', IMPORT_LIMITS.maxFileBytes) }],
  ['a file just over the 2 MB limit', { kind: 'bytes', bytes: fillBytes('鹿泉区、', IMPORT_LIMITS.maxFileBytes + 4) }],
  ['a paste of （） then a name', pastedInput(`${'（）'.repeat(99_990)}鹿泉区`)],
  ['a paste of mixed bracket runs', pastedInput(`${'()[]【】〔〕( )(1)'.repeat(9_000)}鹿泉区`)],
  ['a paste of 赵县、 at the paste limit', pastedInput('赵县、'.repeat(66_666))],
  ['binary junk', { kind: 'bytes', bytes: junk(200_000, 17) }],
  ['binary junk of 2 MB', { kind: 'bytes', bytes: junk(IMPORT_LIMITS.maxFileBytes, 1717) }],
  ['UTF-16 with a byte-order mark', { kind: 'bytes', bytes: utf16le('name\ttier\n鹿泉区\tA\n', true) }],
  ['UTF-16 without one', { kind: 'bytes', bytes: utf16le('name,tier\n鹿泉区,A\n', false) }],
  ['UTF-16 with a mark, 1 MB of 赵县、', { kind: 'bytes', bytes: utf16le('赵县、'.repeat(170_000), true) }],
  ['UTF-16 with a mark and an odd length', { kind: 'bytes', bytes: utf16le('鹿泉区', true).slice(0, 7) }],
];

describe("every read of the audit's inputs settles, without an exception", () => {
  const settles = async (reader: ImportReader, input: ImportInput, answer: () => void = () => undefined) => {
    const pending = reader.read(input, defaults, units);
    answer();
    const read = await pending;
    expect(read).not.toBeNull();
    if (read === null) return null;
    expect(typeof read.ok).toBe('boolean');
    if (!read.ok) expect(read.problems.some((p) => p.severity === 'error')).toBe(true);
    return read;
  };

  it.each(AUDIT_INPUTS)('%s: readImportInput (what the worker runs) answers', (_, input) => {
    const read = readImportInput(input, defaults, units);
    expect(typeof read.ok).toBe('boolean');
  });

  it.each(AUDIT_INPUTS)('%s: read in a worker', async (_, input) => {
    const fake = new FakeWorker();
    const read = await settles(
      createImportReader(() => fake as unknown as Worker),
      input,
      () => fake.answer(0),
    );
    expect(read).toEqual(readImportInput(input, defaults, units));
  });

  it.each(AUDIT_INPUTS)('%s: read on the main thread', async (_, input) => {
    const read = await settles(createImportReader(null), input);
    const inWorker = readImportInput(input, defaults, units);
    // The same answer, or the main thread's own refusal of a text too long to read there.
    if (read?.ok === false && read.problems.some((p) => p.code === 'no-worker-too-large')) {
      expect(input.kind).toBe('bytes');
    } else {
      expect(read).toEqual(inWorker);
    }
  });

  it('the 1.17 MB list is refused as too many names, not with an error', () => {
    const input = AUDIT_INPUTS[0]?.[1];
    if (!input) throw new Error('no input');
    expect(readImportInput(input, defaults, units)).toMatchObject({
      ok: false,
      problems: [{ code: 'too-many-entries' }],
    });
  });
});

describe("the worker's script", () => {
  it('says it is ready, answers each request, and answers an error where reading throws', async () => {
    const posted: ReaderReply[] = [];
    const scope = globalThis as unknown as {
      postMessage?: (m: ReaderReply) => void;
      onmessage?: ((event: { data: ReaderRequest }) => void) | null;
    };
    const saved = { postMessage: scope.postMessage, onmessage: scope.onmessage };
    scope.postMessage = (m) => posted.push(m);
    try {
      vi.resetModules();
      await import('../../src/data/import-worker');
      expect(posted).toEqual([{ ready: true }]);
      scope.onmessage?.({ data: { seq: 1, input: pastedInput('鹿泉区'), defaults, units } });
      expect(posted[1]).toEqual({ seq: 1, read: readImportInput(pastedInput('鹿泉区'), defaults, units) });
      const input = AUDIT_INPUTS[0]?.[1] ?? pastedInput('');
      scope.onmessage?.({ data: { seq: 2, input, defaults, units } });
      expect(posted[2]).toMatchObject({ seq: 2, read: { ok: false, problems: [{ code: 'too-many-entries' }] } });
      scope.onmessage?.({ data: { seq: 3, input: pastedInput('鹿泉区'), defaults, units: null as unknown as Unit[] } });
      expect(posted[3]).toMatchObject({ seq: 3, error: expect.stringContaining('TypeError') });
    } finally {
      scope.postMessage = saved.postMessage;
      scope.onmessage = saved.onmessage;
    }
  });
});
