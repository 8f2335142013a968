/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether an award is a form under the State law or an organisation's own. */
export type AwardCategory =
  /** An organisation's commendation or public praise. */
  | 'NON_STATE'
  /** A form or title under the Law on Emulation and Commendation. */
  | 'STATE';

/** Forms of commendation and emulation titles (Law 06/2022/QH15, Arts. 19–20 and 30–80), plus non-State forms seen in the news. */
export type AwardForm =
  /** Bằng khen: a certificate of merit. */
  | 'BANG_KHEN'
  /** Chiến sĩ thi đua: an emulation-fighter title (national, ministry/province or grassroots). */
  | 'CHIEN_SI_THI_DUA'
  /** Cờ thi đua: an emulation flag. */
  | 'CO_THI_DUA'
  /** Danh hiệu vinh dự nhà nước: a State honorary title (Anh hùng Lao động, Nghệ nhân nhân dân …). */
  | 'DANH_HIEU_VINH_DU'
  /** Giấy khen: a certificate of commendation. */
  | 'GIAY_KHEN'
  /** Huân chương: an order (Sao vàng, Hồ Chí Minh, Độc lập, Quân công, Lao động, Chiến công, Dũng cảm …). */
  | 'HUAN_CHUONG'
  /** Huy chương: a medal. */
  | 'HUY_CHUONG'
  /** Kỷ niệm chương: a commemorative medal. */
  | 'KY_NIEM_CHUONG'
  /** Lao động tiên tiến / Chiến sĩ tiên tiến: advanced worker or soldier. */
  | 'LAO_DONG_TIEN_TIEN'
  /** A mass organisation's badge (e.g. Huy hiệu Tuổi trẻ dũng cảm of the Youth Union); not a State form. */
  | 'ORG_BADGE'
  /** A mass organisation's certificate of merit (e.g. of the provincial Youth Union); not a State form. */
  | 'ORG_BANG_KHEN'
  /** Formal public praise (biểu dương), e.g. by a minister; not a State form. */
  | 'PRAISE'
  /** Tập thể lao động xuất sắc / tiên tiến: an excellent or advanced labour collective. */
  | 'TAP_THE_XUAT_SAC'
  /** The source does not say which form. */
  | 'UNKNOWN';

/** The level of the authority that confers an award. */
export type AwardLevel =
  /** A commune. */
  | 'COMMUNE'
  /** A district (until 1 July 2025). */
  | 'DISTRICT'
  /** A ministry, sector or central body. */
  | 'MINISTRY'
  /** State President, Government or Prime Minister. */
  | 'NATIONAL'
  /** A mass organisation. */
  | 'ORGANISATION'
  /** A province (the chair of its People's Committee). */
  | 'PROVINCE'
  /** The head of a unit with legal status. */
  | 'UNIT';

/**
 * How well a fact is supported: CONFIRMED when several sources agree or the source is a primary
 * legal text, SINGLE_SOURCE when one source says it, UNVERIFIED when it is inferred or sources disagree.
 */
export type Confidence =
  /** Several sources agree, or a primary legal text says it. */
  | 'CONFIRMED'
  /** Exactly one source says it. */
  | 'SINGLE_SOURCE'
  /** Inferred, or the sources disagree. */
  | 'UNVERIFIED';

/** Administrative levels, before and after the 2025 reorganisation. */
export type PlaceLevel =
  /** A commune, ward or township. */
  | 'COMMUNE'
  /** A country. */
  | 'COUNTRY'
  /** A district, district-level town or provincial city (abolished 1 July 2025). */
  | 'DISTRICT'
  /** A river, pass, mountain or cave. */
  | 'NATURAL_FEATURE'
  /** A province or centrally-run city. */
  | 'PROVINCE'
  /** A village or residential group (thôn, bản, tổ dân phố). */
  | 'VILLAGE';

export type EventPlacesQueryVariables = Exact<{
  id: string | number;
}>;


export type EventPlacesQuery = { events: Array<{ id: string, name: string, date: string | null, placeAsWritten: string | null, occurredIn: Array<{ id: string, name: string, level: PlaceLevel }>, placesThen: Array<{ id: string, name: string, level: PlaceLevel }>, placesNow: Array<{ id: string, name: string, level: PlaceLevel }> }> };

export type EventAwardsQueryVariables = Exact<{
  id: string | number;
}>;


export type EventAwardsQuery = { events: Array<{ id: string, awards: Array<{ id: string, form: AwardForm, category: AwardCategory, level: AwardLevel | null, issuerRole: string | null, recipientsResolved: boolean, recipientsAsWritten: string | null, confidence: Confidence, conferredBy: Array<{ id: string, name: string }>, personRecipients: Array<{ id: string }>, collectiveRecipients: Array<{ id: string }>, agencyRecipients: Array<{ id: string }> }> }> };

export type FieldExemplarsQueryVariables = Exact<{
  id: string | number;
}>;


export type FieldExemplarsQuery = { fields: Array<{ id: string, name: string, exemplars: Array<{ id: string, name: string, isExemplar: boolean }> }> };


export const EventPlacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventPlaces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"placeAsWritten"}},{"kind":"Field","name":{"kind":"Name","value":"occurredIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"placesThen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"placesNow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<EventPlacesQuery, EventPlacesQueryVariables>;
export const EventAwardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventAwards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"awards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"issuerRole"}},{"kind":"Field","name":{"kind":"Name","value":"recipientsResolved"}},{"kind":"Field","name":{"kind":"Name","value":"recipientsAsWritten"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"conferredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collectiveRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agencyRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventAwardsQuery, EventAwardsQueryVariables>;
export const FieldExemplarsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FieldExemplars"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"exemplars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isExemplar"}}]}}]}}]}}]} as unknown as DocumentNode<FieldExemplarsQuery, FieldExemplarsQueryVariables>;