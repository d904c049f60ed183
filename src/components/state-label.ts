/** A unit state in words, for the tooltip, the live region and anywhere a state is read out. */
import type { Lang } from '../domain/lang';
import type { UnitState } from '../domain/unit-state';
import { t } from '../i18n/i18n';

export function stateLabel(lang: Lang, state: UnitState): string {
  switch (state.kind) {
    case 'known':
      return t(
        lang,
        state.fact.imported === true ? 'stateImported' : state.fact.basis === 'stated' ? 'stateStated' : 'stateDerived',
        {
          tier: state.tier,
        },
      );
    case 'range':
      return t(lang, 'stateRange', { tiers: state.tiers.join(t(lang, 'tierOr')) });
    case 'unknown':
      return t(lang, 'stateUnknown');
  }
}
