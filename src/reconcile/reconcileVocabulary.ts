import type { Label } from '../domain/labels';

/** A reconciliation type (W3C Reconciliation API 0.2, §3): one per domain label that a spreadsheet names. */
export interface ReconcileType {
  readonly id: Label;
  readonly name: string;
  readonly description: string;
}

/** The types the service reconciles against, in the manifest's order. */
export const RECONCILE_TYPES: readonly ReconcileType[] = [
  { id: 'Person', name: 'Người (Person)', description: 'Một cá nhân: gương điển hình, người tham gia sự kiện' },
  { id: 'Collective', name: 'Tập thể (Collective)', description: 'Một tập thể, đơn vị, hộ gia đình, thôn bản điển hình' },
  { id: 'Agency', name: 'Cơ quan (Agency)', description: 'Một cơ quan nhà nước hoặc tổ chức đoàn thể' },
  { id: 'Place', name: 'Địa danh (Place)', description: 'Một đơn vị hành chính hoặc địa danh tự nhiên' },
  { id: 'Event', name: 'Sự kiện (Event)', description: 'Một sự kiện có ngày tháng: cứu nạn, hội nghị, đại hội' },
  { id: 'Award', name: 'Khen thưởng (Award)', description: 'Một lần khen thưởng: hình thức, cấp, quyết định' },
  { id: 'Movement', name: 'Phong trào (Movement)', description: 'Một phong trào thi đua' },
];

/** A property a query may constrain candidates by (§3.3, property values). */
export interface ReconcileProperty {
  readonly id: 'place' | 'date';
  readonly name: string;
  readonly description: string;
}

export const RECONCILE_PROPERTIES: readonly ReconcileProperty[] = [
  {
    id: 'place',
    name: 'Địa danh (place)',
    description: 'Nơi gắn với thực thể (nơi xảy ra, nơi đặt trụ sở, đơn vị hành chính cấp trên): tên hoặc mã place:…',
  },
  {
    id: 'date',
    name: 'Thời gian (date)',
    description: 'Ngày, tháng hoặc năm (YYYY, YYYY-MM, YYYY-MM-DD) thực thể tồn tại hoặc diễn ra',
  },
];

const TYPE_BY_ID: ReadonlyMap<string, ReconcileType> = new Map(RECONCILE_TYPES.map((t) => [t.id, t]));

/** Given a type id, returns the type, or undefined when the service does not reconcile it. */
export function reconcileType(id: string): ReconcileType | undefined {
  return TYPE_BY_ID.get(id);
}
