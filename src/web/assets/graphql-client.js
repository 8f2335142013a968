/*
 * Shared by the pages: window.gql(query, variables) sends one GraphQL operation. When the server
 * runs registered documents only (TRUSTED_DOCUMENTS=only, which /graphql-documents.json says,
 * with the id of each registered text), it sends the document's id by GET, a cacheable URL;
 * otherwise one POST with the text (a JSON body, so Apollo's CSRF protection passes).
 */
(function () {
  let settings;
  function documentSettings() {
    settings =
      settings ||
      fetch('/graphql-documents.json')
        .then((r) => (r.ok ? r.json() : { mode: 'off' }))
        .catch(() => ({ mode: 'off' }));
    return settings;
  }

  async function send(query, variables) {
    const { mode, ids } = await documentSettings();
    const id = mode === 'only' && ids ? ids[query] : undefined;
    if (id) {
      const params = new URLSearchParams({ documentId: id });
      if (variables) params.set('variables', JSON.stringify(variables));
      // A non-simple header: Apollo refuses GETs without one (CSRF protection).
      return fetch(`/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    }
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  }

  window.gql = async function gql(query, variables) {
    const response = await send(query, variables);
    const body = await response.json();
    if (body.errors && body.errors.length) {
      const error = new Error(body.errors.map((e) => e.message).join('; '));
      error.codes = body.errors.map((e) => e.extensions && e.extensions.code);
      throw error;
    }
    return body.data;
  };
})();
