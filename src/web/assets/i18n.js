/**
 * The pages' language: Vietnamese by default, English by choice. Each page keeps its strings in one
 * table `{ vi: {...}, en: {...} }` (its own `<page>.strings.js`) and reads them through `I18n.create(table)`.
 *
 * The language is chosen, in order, by `?lang=vi|en` in the URL, the reader's last choice (localStorage),
 * then the document's `<html lang>`; anything else falls back to Vietnamese. Numbers and dates are
 * formatted by Intl for the chosen locale (vi-VN: 1.234,5 and 03/04/2023; en-GB: 1,234.5 and 03/04/2023).
 */
(function () {
  'use strict';

  const SUPPORTED = ['vi', 'en'];
  const LOCALES = { vi: 'vi-VN', en: 'en-GB' };
  const STORAGE_KEY = 'exemplar-graph.lang';

  /** Returns 'vi' or 'en' for a language tag such as 'en-US', or undefined when neither. */
  function normalise(tag) {
    if (typeof tag !== 'string') return undefined;
    const base = tag.trim().toLowerCase().split('-')[0];
    return SUPPORTED.includes(base) ? base : undefined;
  }

  function storedChoice() {
    try {
      return normalise(window.localStorage.getItem(STORAGE_KEY));
    } catch {
      return undefined; // storage disabled (privacy mode): the URL and the page still decide
    }
  }

  /** The language of this page view. */
  function currentLang() {
    const fromUrl = normalise(new URLSearchParams(window.location.search).get('lang'));
    return fromUrl ?? storedChoice() ?? normalise(document.documentElement.lang) ?? 'vi';
  }

  /** Remembers the reader's choice and reloads the page in that language, keeping the rest of the URL. */
  function switchTo(lang) {
    const chosen = normalise(lang) ?? 'vi';
    try {
      window.localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // not remembered; the URL carries it
    }
    const url = new URL(window.location.href);
    url.searchParams.set('lang', chosen);
    window.location.assign(url.toString());
  }

  /** Replaces {name} placeholders with params.name (numbers formatted for the locale). */
  function fill(template, params, numberFormat) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => {
      if (!params || !(name in params)) return whole;
      const value = params[name];
      return typeof value === 'number' ? numberFormat.format(value) : String(value);
    });
  }

  /**
   * Given a page's string table, returns its translator for the current language:
   * `t(key, params)`, `lang`, `locale`, `number(n)`, `date(isoOrPartial)`, `apply(root)` (fills
   * `data-i18n`, `data-i18n-aria-label`, `data-i18n-title` and `data-i18n-placeholder` attributes), and `switchTo(lang)`.
   * A key missing from the language falls back to Vietnamese, then to the key itself, so a gap shows, never breaks.
   */
  function create(table) {
    const lang = currentLang();
    const locale = LOCALES[lang];
    const strings = table[lang] ?? {};
    const fallback = table.vi ?? {};
    const numberFormat = new Intl.NumberFormat(locale);
    const dayFormat = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const monthFormat = new Intl.DateTimeFormat(locale, { month: '2-digit', year: 'numeric', timeZone: 'UTC' });

    function t(key, params) {
      const template = strings[key] ?? fallback[key] ?? key;
      return fill(template, params, numberFormat);
    }

    /** Formats 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or a full ISO timestamp; anything else is returned as is. */
    function date(value) {
      if (typeof value !== 'string' || value.length === 0) return '';
      if (/^\d{4}$/.test(value)) return value;
      if (/^\d{4}-\d{2}$/.test(value)) return monthFormat.format(new Date(`${value}-01T00:00:00Z`));
      const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
      return Number.isNaN(parsed.getTime()) ? value : dayFormat.format(parsed);
    }

    function apply(root) {
      const scope = root ?? document;
      scope.querySelectorAll('[data-i18n]').forEach((el) => {
        el.textContent = t(el.getAttribute('data-i18n'));
      });
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        scope.querySelectorAll(`[data-i18n-${attribute}]`).forEach((el) => {
          el.setAttribute(attribute, t(el.getAttribute(`data-i18n-${attribute}`)));
        });
      }
      if (!root) document.documentElement.lang = lang;
    }

    return { t, lang, locale, number: (n) => numberFormat.format(n), date, apply, switchTo };
  }

  window.I18n = { create, currentLang, switchTo, SUPPORTED };
})();
