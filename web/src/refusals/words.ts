// A sentence in each of the client's languages. These files import nothing at run time, so the
// unit tests read them under Node without a browser.
import type { Lang } from "../i18n";

export type Words = Record<Lang, string>;

export const w = (fi: string, sv: string, en: string): Words => ({ fi, sv, en });
