/** Why a proposal was made: in Vietnamese for the editor, with a short English gloss for developers. */
export interface Reason {
  readonly vi: string;
  readonly en: string;
}

export const reason = (vi: string, en: string): Reason => ({ vi, en });
