/**
 * Props that make a legend entry highlight its units on the map while the pointer is on it or
 * it has keyboard focus (every entry is focusable, so the highlight is reachable by keyboard).
 */
import type { AppState, AppStore } from '../../store/store';

export function legendHighlightProps(store: AppStore, key: NonNullable<AppState['highlight']>) {
  const set = (on: boolean) => store.getState().setHighlight(on ? key : null);
  return {
    tabIndex: 0,
    onMouseEnter: () => set(true),
    onMouseLeave: () => set(false),
    onFocus: () => set(true),
    onBlur: () => set(false),
  };
}
