import type { Label } from '../domain/labels';

/** Each label as an editor reads it in a reason ("cùng xã Pải Lủng trong bài" names places by their own name). */
export const LABEL_VI: Readonly<Record<Label, string>> = {
  Person: 'người',
  Collective: 'tập thể',
  Agency: 'cơ quan',
  Field: 'lĩnh vực',
  Event: 'sự kiện',
  Award: 'khen thưởng',
  Movement: 'phong trào',
  Story: 'bài viết',
  Place: 'địa danh',
};

/** Given an ISO date (whole or partial), returns it as Vietnamese news writes it: 03/4/2023, 10/2020, 2018. */
export function vietnameseDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (day) return `${day}/${Number(month)}/${year}`;
  if (month) return `${Number(month)}/${year}`;
  return year ?? date;
}
