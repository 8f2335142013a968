import type { TextPositionSelector } from './proposal';

export const position = (range: { start: number; end: number }): TextPositionSelector => ({
  type: 'TextPositionSelector',
  start: range.start,
  end: range.end,
});
