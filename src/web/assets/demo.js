/* The widget demo: the seed article's card, read from the graph, beside three widgets. */
(() => {
  const i18n = I18n.create(window.DemoStrings);
  const { t } = i18n;
  i18n.apply();
  const $ = (id) => document.getElementById(id);
  const langButton = $('lang');
  langButton.lang = i18n.lang === 'vi' ? 'en' : 'vi';
  langButton.addEventListener('click', () => i18n.switchTo(langButton.lang));

  // The headings are attributes of the widgets: set them in the page's language.
  for (const widget of document.querySelectorAll('related-stories[data-heading]')) {
    widget.setAttribute('heading', t(widget.dataset.heading));
  }

  gql(`{ stories(where: { id: { eq: "story:seed-article" } }) { title url features(limit: 20) { __typename id name } } }`)
    .then(({ stories }) => {
      const story = stories[0];
      $('article-title').textContent = story.title;
      $('article-meta').replaceChildren(
        Object.assign(document.createElement('a'), { href: story.url, textContent: t('article.link') }),
      );
      $('article-features').replaceChildren(
        ...story.features.map((f) =>
          Object.assign(document.createElement('li'), { textContent: `${f.name} (${t(`kind.${f.__typename}`)})` }),
        ),
      );
      document.body.dataset.ready = 'true';
    })
    .catch((error) => {
      $('article-meta').textContent = t('article.failed', { message: error.message });
    });
})();
