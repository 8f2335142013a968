/* Shared by the pages: one POST to /graphql (JSON body, so Apollo's CSRF protection passes). */
window.gql = async function gql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) {
    const error = new Error(body.errors.map((e) => e.message).join('; '));
    error.codes = body.errors.map((e) => e.extensions && e.extensions.code);
    throw error;
  }
  return body.data;
};
