/** What an error code means: its HTTP status and its message in Chinese and English (`{name}` filled from the detail). */
export interface ErrorDef {
  status: number;
  zh: string;
  en: string;
}
