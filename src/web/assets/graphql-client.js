/*
 * Shared by the pages: window.gql(query, variables, { token }) sends one GraphQL operation, with
 * the editor's token as a bearer when given. When the server runs registered documents only
 * (TRUSTED_DOCUMENTS=only, which /graphql-documents.json says, with the id of each registered
 * text), it sends the document's id instead of its text: a query by GET, a cacheable URL; a
 * mutation by POST, as GraphQL over HTTP requires. Otherwise one POST with the text (a JSON body,
 * so Apollo's CSRF protection passes). An answer with errors throws an Error whose `code` is the
 * first error's code and `codes` all of them.
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

  const isMutation = (query) => /^\s*mutation\b/.test(query);

  async function send(query, variables, token) {
    const { mode, ids } = await documentSettings();
    const id = mode === 'only' && ids ? ids[query] : undefined;
    const auth = token ? { authorization: `Bearer ${token}` } : {};
    if (id && !isMutation(query)) {
      const params = new URLSearchParams({ documentId: id });
      if (variables) params.set('variables', JSON.stringify(variables));
      // A non-simple header: Apollo refuses GETs without one (CSRF protection).
      return fetch(`/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true', ...auth } });
    }
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(id ? { documentId: id, variables } : { query, variables }),
    });
  }

  window.gql = async function gql(query, variables, options) {
    const response = await send(query, variables, options && options.token);
    const body = await response.json();
    if (body.errors && body.errors.length) {
      const error = new Error(body.errors.map((e) => e.message).join('; '));
      error.codes = body.errors.map((e) => e.extensions && e.extensions.code);
      error.code = error.codes[0];
      throw error;
    }
    return body.data;
  };
})();
