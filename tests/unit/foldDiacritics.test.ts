import { foldDiacritics } from '../../src/text/foldDiacritics';

describe('foldDiacritics', () => {
  it('removes Vietnamese tone and vowel marks', () => {
    expect(foldDiacritics('xã Pải Lủng')).toBe('xa Pai Lung');
    expect(foldDiacritics('Nguyễn Mạnh Tường')).toBe('Nguyen Manh Tuong');
  });

  it('folds đ and Đ, which are letters of their own and survive NFD', () => {
    expect(foldDiacritics('Đào Quang Vinh')).toBe('Dao Quang Vinh');
    expect(foldDiacritics('Đặng Thị Ngọc Thịnh')).toBe('Dang Thi Ngoc Thinh');
    expect(foldDiacritics('Bạch Đích')).toBe('Bach Dich');
  });

  it('treats composed and decomposed input alike', () => {
    const decomposed = 'Lưu Minh Thức'.normalize('NFD');
    expect(foldDiacritics(decomposed)).toBe('Luu Minh Thuc');
  });

  it('leaves plain ASCII unchanged', () => {
    expect(foldDiacritics('PC07 Ha Giang')).toBe('PC07 Ha Giang');
  });
});
