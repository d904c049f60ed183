/**
 * The import reader (src/data/import-reader.ts): the answer of the latest read only, cancel,
 * and the main-thread fallback when the worker cannot start or dies. The worker here is a fake
 * that runs readImportInput when told to answer, as the real worker's script does.
 */
import { describe, expect, it } from 'vitest';
import { createImportReader, type ReaderReply, type ReaderRequest } from '../../src/data/import-reader';
import { pastedInput, readImportInput } from '../../src/domain/import';
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
  fail() {
    this.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
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
