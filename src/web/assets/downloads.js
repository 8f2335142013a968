/* Shared by the pages: hand a file to the reader as a download (a Blob, or a file the server writes from posted JSON). */
window.Downloads = {
  /** Offers a Blob as a download named `filename`. */
  save(blob, filename) {
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },

  /** Posts JSON to a URL that answers with a file and offers it as a download; throws with the server's message on an error. */
  async postForFile(url, body, filename) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({ message: response.statusText }));
      throw new Error(problem.message);
    }
    window.Downloads.save(await response.blob(), filename);
  },
};
