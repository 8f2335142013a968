import type { DashboardMap } from '../dashboard/dashboardMap';
import type { ExportValue } from './exportGraph';
import type { DashboardExport, FilterEntry, PanelTable } from './exportPanels';

/**
 * The dashboard's panels as tables, with the page's own words (dashboard.strings.js): what the
 * CSV and XLSX exports write, figure for figure what fieldDashboard answers for the same filters.
 */

/** The panels a dashboard exports, by the id used in the export's URL. */
export const DASHBOARD_PANELS = [
  'summary',
  'awards-by-form',
  'awards-by-level',
  'stories-per-month',
  'top-places',
  'top-agencies',
  'map',
] as const;
export type DashboardPanelId = (typeof DASHBOARD_PANELS)[number];

type Counted = { readonly count: number };
interface KeyedCount extends Counted {
  readonly key: string;
  readonly label: string;
}

/** The part of a fieldDashboard answer (live or from the cube) the tables read. */
export interface DashboardFigures {
  readonly field: { readonly name: string };
  readonly place: { readonly name: string } | null;
  readonly current: PeriodFigures;
  readonly previous: PeriodFigures;
  readonly change: Readonly<Record<'exemplars' | 'awards' | 'events' | 'stories', number>>;
}
interface PeriodFigures {
  readonly from: string;
  readonly to: string;
  readonly exemplars: Counted;
  readonly awards: Counted;
  readonly events: Counted;
  readonly stories: Counted;
  readonly awardsByForm: readonly KeyedCount[];
  readonly awardsByLevel: readonly KeyedCount[];
  readonly storiesPerMonth: readonly KeyedCount[];
  readonly topPlaces: { readonly then: readonly { place: { id: string; name: string }; level: string; count: number }[] };
  readonly topAgencies: readonly KeyedCount[];
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

const FIGURES = ['exemplars', 'awards', 'events', 'stories'] as const;

function table(id: string, title: string, columns: PanelTable['columns'], rows: Record<string, ExportValue>[]): PanelTable {
  return { id, title, columns, rows };
}

/** Given a dashboard, its map and the page's translator, returns one panel's table; pure. */
export function dashboardPanel(id: DashboardPanelId, d: DashboardFigures, map: DashboardMap, t: Translate): PanelTable {
  const count = { key: 'count', label: t('col.count'), format: 'integer' } as const;
  switch (id) {
    case 'summary':
      return table(
        id,
        t('panel.summary'),
        [
          { key: 'figure', label: t('col.figure') },
          { key: 'current', label: t('col.current'), format: 'integer' },
          { key: 'previous', label: t('col.previous'), format: 'integer' },
          { key: 'change', label: t('col.change'), format: 'integer' },
        ],
        FIGURES.map((f) => ({
          figure: t(`kpi.${f}`),
          current: d.current[f].count,
          previous: d.previous[f].count,
          change: d.change[f],
        })),
      );
    case 'awards-by-form':
      return table(
        id,
        t('panel.awardsByForm'),
        [{ key: 'form', label: t('col.form') }, count],
        d.current.awardsByForm.map((b) => ({ form: t(`form.${b.key}`), count: b.count })),
      );
    case 'awards-by-level':
      return table(
        id,
        t('panel.awardsByLevel'),
        [{ key: 'level', label: t('col.level') }, count],
        d.current.awardsByLevel.map((b) => ({ level: t(`level.${b.key}`), count: b.count })),
      );
    case 'stories-per-month':
      return table(
        id,
        t('panel.storiesPerMonth'),
        [{ key: 'month', label: t('col.month') }, count],
        d.current.storiesPerMonth.map((b) => ({ month: b.key, count: b.count })),
      );
    case 'top-places':
      return table(
        id,
        t('panel.topPlaces'),
        [
          { key: 'place', label: t('col.place') },
          { key: 'level', label: t('col.placeLevel') },
          count,
          { key: 'id', label: t('col.id') },
        ],
        d.current.topPlaces.then.map((b) => ({
          place: b.place.name,
          level: t(`placeLevel.${b.level}`),
          count: b.count,
          id: b.place.id,
        })),
      );
    case 'top-agencies':
      return table(
        id,
        t('panel.topAgencies'),
        [{ key: 'agency', label: t('col.agency') }, count, { key: 'id', label: t('col.id') }],
        d.current.topAgencies.map((b) => ({ agency: b.label, count: b.count, id: b.key })),
      );
    case 'map':
      return {
        ...table(
          id,
          t('panel.map'),
          [
            { key: 'code', label: t('col.code') },
            { key: 'province', label: t('col.province') },
            count,
            { key: 'id', label: t('col.id') },
          ],
          map.regions
            .filter((r) => r.kind === 'PROVINCE')
            .map((r) => ({ code: r.code, province: r.name, count: r.count ?? 0, id: r.placeId })),
        ),
        note: map.spansMerger ? t('map.spans') : t(map.map === 'PROVINCES_63' ? 'map.then63' : 'map.then34'),
      };
  }
}

/** Given a dashboard, its map, the filters as the page shows them and the translator, returns every panel; pure. */
export function dashboardExport(d: DashboardFigures, map: DashboardMap, t: Translate, exportedAt?: string): DashboardExport {
  const filters: FilterEntry[] = [
    { label: t('filter.field'), value: d.field.name },
    { label: t('filter.place'), value: d.place?.name ?? t('filter.allPlaces') },
    { label: t('filter.from'), value: d.current.from },
    { label: t('filter.to'), value: d.current.to },
  ];
  return {
    title: t('page.title'),
    filters,
    panels: DASHBOARD_PANELS.map((id) => dashboardPanel(id, d, map, t)),
    ...(exportedAt ? { exportedAt } : {}),
  };
}
