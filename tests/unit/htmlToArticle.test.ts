import { htmlToArticle } from '../../src/review/htmlToArticle';

describe('htmlToArticle', () => {
  it('keeps the article as one line per paragraph, without the menu or footer', () => {
    const html = `<!doctype html><html><head><title>Tiêu đề | Báo Thử</title></head><body>
      <nav><a href="/">Trang chủ</a> | <a href="/xa-hoi">Xã hội</a></nav>
      <article><h1>Tiêu đề</h1>
      <p>Sáng 3/4/2023, tại xã Pải Lủng, huyện Mèo Vạc, lực lượng cứu hộ đã đưa người bị nạn ra khỏi hố sụt sau nhiều giờ tìm kiếm.</p>
      <p>Phòng Cảnh sát PCCC&amp;CNCH Công an tỉnh Hà Giang đã cử lực lượng tham gia cứu nạn ngay trong đêm và phối hợp với địa phương.</p>
      </article><footer>Bản quyền thuộc Báo Thử</footer></body></html>`;
    const article = htmlToArticle(html);
    expect(article.title).toBe('Tiêu đề');
    expect(article.text.split('\n')).toEqual([
      expect.stringMatching(/^Sáng 3\/4\/2023, tại xã Pải Lủng/),
      expect.stringMatching(/^Phòng Cảnh sát PCCC&CNCH Công an tỉnh Hà Giang/),
    ]);
  });

  it('refuses a page without article text, naming the html field', () => {
    expect(() => htmlToArticle('<html><body></body></html>')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'html' }),
    );
  });
});
