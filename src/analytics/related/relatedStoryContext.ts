import { array, boolean, nullable, number, object, string, type Decoder } from '../../neo4j/decode';

/** A unit the story's events or places lie in, up the PART_OF hierarchy as it stood on the day. */
export interface ContextPlace {
  readonly id: string;
  readonly name: string;
  readonly level: string | null;
  /** 0 for the place itself, 1 for its parent, 2 for the parent's parent. */
  readonly up: number;
  readonly degree: number;
  /** The units that replaced it on 1 Jul 2025 (SUCCEEDED_BY). */
  readonly today: readonly { readonly id: string; readonly name: string }[];
}

/** An agency (or the agency it is part of) that took part in the story's events or is featured. */
export interface ContextAgency {
  readonly id: string;
  readonly name: string;
  readonly level: string | null;
  readonly kind: string | null;
  readonly up: number;
  readonly degree: number;
}

export interface ContextEvent {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly kind: string | null;
  /** What happened, in a sentence or two (Event.summary): read for its kinds at a discount. */
  readonly summary: string | null;
  readonly day: string | null;
  readonly degree: number;
}

/** A person the story features or who took part in its events, with their units, fields and movements. */
export interface ContextPerson {
  readonly id: string;
  readonly name: string;
  readonly exemplar: boolean;
  readonly links: readonly {
    readonly id: string;
    readonly name: string;
    readonly rel: string;
    readonly degree: number;
    /** False for a field with narrower fields below it (a broad field says little), and for a WITHIN link. */
    readonly narrow: boolean;
    /** For WITHIN (a force the person's unit is part of): the level the person serves at (DISTRICT, PROVINCE). */
    readonly tier?: string | null;
  }[];
}

/** An award the story reports: a commendation, with what it was given for and who conferred it. */
export interface ContextAward {
  readonly id: string;
  readonly name: string;
  /** STATE (under the emulation and commendation law) or NON_STATE (a Youth Union badge, a praise). */
  readonly category: string | null;
  /** True when it was given for an event (FOR_EVENT): an ad hoc commendation of a deed. */
  readonly forEvent: boolean;
  /** The level of the agency that conferred it (PROVINCE, CENTRAL …), null when unknown. */
  readonly issuerLevel: string | null;
  /** The place that agency is located in, null when unknown. */
  readonly issuerPlace: string | null;
}

/** What a reader knows about a story (or the entity asked about) beyond the nodes it features. */
export interface ReaderContext {
  readonly id: string;
  /** Its label: a Story, or the kind of entity asked about. */
  readonly label: string;
  /** The day it is about: its first dated event, else its publication. */
  readonly day: string | null;
  readonly title: string | null;
  readonly events: readonly ContextEvent[];
  readonly places: readonly ContextPlace[];
  readonly agencies: readonly ContextAgency[];
  readonly people: readonly ContextPerson[];
  readonly awards: readonly ContextAward[];
}

const optionalString = nullable(string);
/** A key the query leaves out for most rows. */
function optionalOf<T>(decoder: Decoder<T>): Decoder<T | undefined> {
  return (value) => (value === undefined ? undefined : decoder(value));
}

/** Decodes the context the query returns for the source and for each candidate. */
export const decodeReaderContext: Decoder<ReaderContext> = object<ReaderContext>({
  id: string,
  label: string,
  day: optionalString,
  title: optionalString,
  events: array(
    object<ContextEvent>({
      id: string,
      name: string,
      nameEn: optionalString,
      kind: optionalString,
      summary: optionalString,
      day: optionalString,
      degree: number,
    }),
  ),
  places: array(
    object<ContextPlace>({
      id: string,
      name: string,
      level: optionalString,
      up: number,
      degree: number,
      today: array(object<{ id: string; name: string }>({ id: string, name: string })),
    }),
  ),
  agencies: array(
    object<ContextAgency>({ id: string, name: string, level: optionalString, kind: optionalString, up: number, degree: number }),
  ),
  people: array(
    object<ContextPerson>({
      id: string,
      name: string,
      exemplar: boolean,
      links: array(
        object<ContextPerson['links'][number]>({
          id: string,
          name: string,
          rel: string,
          degree: number,
          narrow: boolean,
          tier: optionalOf(optionalString),
        }),
      ),
    }),
  ),
  awards: array(
    object<ContextAward>({
      id: string,
      name: string,
      category: optionalString,
      forEvent: boolean,
      issuerLevel: optionalString,
      issuerPlace: optionalString,
    }),
  ),
});
