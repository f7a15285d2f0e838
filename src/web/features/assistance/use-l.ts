/** Chinese or English inline, by the user's language. */
import { useI18n } from '../../shared/i18n.js';

export function useL() {
  const { pick } = useI18n();
  return (zh: string, en: string) => pick({ zh, en });
}
