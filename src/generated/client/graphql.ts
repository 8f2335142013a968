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

/** The kinds of node; search and analytics can be limited to some of them. */
export type EntityKind =
  /** A state or mass organisation. */
  | 'AGENCY'
  /** A conferral of a commendation. */
  | 'AWARD'
  /** A team, unit, household or village. */
  | 'COLLECTIVE'
  /** A dated happening. */
  | 'EVENT'
  /** A field of achievement. */
  | 'FIELD'
  /** An emulation movement. */
  | 'MOVEMENT'
  /** An individual. */
  | 'PERSON'
  /** An administrative unit or natural feature. */
  | 'PLACE'
  /** A published piece. */
  | 'STORY';

/** How two exemplars are linked through a node they share. */
export type ExemplarRelation =
  /** Both are members of the agency or collective. */
  | 'SAME_AGENCY'
  /** Both received the same conferral (one award decision). */
  | 'SAME_AWARD'
  /** Both took part in the event. */
  | 'SAME_EVENT'
  /** Both are active in the field, or their fields meet in this broader field. */
  | 'SAME_FIELD'
  /** Both are held up as exemplars of the movement. */
  | 'SAME_MOVEMENT'
  /** Both are publicly described as being from the place. */
  | 'SAME_PLACE'
  /** Both are featured in the story. */
  | 'SAME_STORY';

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

/** Channels that carry stories about exemplars. */
export type StoryChannel =
  /** A book or annual book edition. */
  | 'BOOK'
  /** Television or radio. */
  | 'BROADCAST'
  /** A report to a review conference. */
  | 'CONFERENCE_REPORT'
  /** A writing contest or competition (cuộc thi sáng tác, hội thi). */
  | 'CONTEST'
  /** A legal text. */
  | 'LEGAL_TEXT'
  /** A meeting or study session (buổi sinh hoạt). */
  | 'MEETING'
  /** A news article. */
  | 'NEWS'
  /** A post on a government or agency website (trang thông tin điện tử). */
  | 'WEBSITE';

/** How a related story is linked to what was asked about. */
export type StoryLink =
  /** The story features the entity itself. */
  | 'FEATURES_IT'
  /** The story features a node one relationship away from the entity (an event's participant, place or award). */
  | 'FEATURES_NEIGHBOUR'
  /** Both stories feature the node. */
  | 'FEATURES_SAME';

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

export type RelatedStoriesQueryVariables = Exact<{
  id: string | number;
  limit?: number | null | undefined;
}>;


export type RelatedStoriesQuery = { relatedStories: Array<{ id: string, title: string, url: string | null, publisher: string | null, publishedAt: string | null, publishedPeriod: string | null, channel: StoryChannel, score: number, reasons: Array<{ link: StoryLink, relationship: string | null, why: string, node: { id: string, kind: EntityKind, name: string } }> }> };

export type RelatedExemplarsQueryVariables = Exact<{
  id: string | number;
  limit?: number | null | undefined;
}>;


export type RelatedExemplarsQuery = { relatedExemplars: Array<{ id: string, kind: EntityKind, name: string, score: number, reasons: Array<{ relation: ExemplarRelation, broaderSteps: number, degree: number, contribution: number, why: string, node: { id: string, kind: EntityKind, name: string } }> }> };


export const EventPlacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventPlaces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"placeAsWritten"}},{"kind":"Field","name":{"kind":"Name","value":"occurredIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"placesThen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"placesNow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<EventPlacesQuery, EventPlacesQueryVariables>;
export const EventAwardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventAwards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"awards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"issuerRole"}},{"kind":"Field","name":{"kind":"Name","value":"recipientsResolved"}},{"kind":"Field","name":{"kind":"Name","value":"recipientsAsWritten"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"conferredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collectiveRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agencyRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventAwardsQuery, EventAwardsQueryVariables>;
export const FieldExemplarsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FieldExemplars"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"exemplars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isExemplar"}}]}}]}}]}}]} as unknown as DocumentNode<FieldExemplarsQuery, FieldExemplarsQueryVariables>;
export const RelatedStoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelatedStories"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relatedStories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}},{"kind":"Field","name":{"kind":"Name","value":"why"}}]}}]}}]}}]} as unknown as DocumentNode<RelatedStoriesQuery, RelatedStoriesQueryVariables>;
export const RelatedExemplarsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelatedExemplars"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relatedExemplars"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"broaderSteps"}},{"kind":"Field","name":{"kind":"Name","value":"degree"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}},{"kind":"Field","name":{"kind":"Name","value":"why"}}]}}]}}]}}]} as unknown as DocumentNode<RelatedExemplarsQuery, RelatedExemplarsQueryVariables>;