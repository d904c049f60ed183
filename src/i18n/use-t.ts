import { useCallback } from 'react';
import { useAppStore } from '../store/use-app-store';
import { t, type MessageKey } from './i18n';

/** The translate function for the current UI language. */
export function useT() {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params), [lang]);
}
