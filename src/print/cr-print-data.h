/* cr-print-data.h: what the printed pages are drawn from
 *
 * Plain structs, filled by the store (or a test) and read by the page
 * drawers, so the window's print dialog and `commonroom-cli print` draw
 * the same pages from the same data. Every struct owns its strings (set
 * them with g_strdup() or through the helpers below) and its arrays; free
 * the whole tree with the data's own free function.
 *
 * Dates are ISO `YYYY-MM-DD`, times `HH:MM`; text is UTF-8 and shown as
 * written (no markup). %NULL or "" means "not known" wherever a field is
 * marked nullable, and the pages leave it out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every page says about the meeting it belongs to. */
typedef struct
{
  char *association;  /* "Ashbourne Vale TRA": shown large on page one */
  char *group;        /* "Management committee" */
  char *date;         /* ISO, required */
  char *start_time;   /* nullable: "19:00" */
  char *venue;        /* nullable: "Community Room, 2 Vale Road" */
  char *kind;         /* nullable, as shown: "Ordinary meeting", "AGM" */
} CrPrintMeeting;

/* A person on a list. The pages sort people by family name, then given
 * name, ignoring case, accents and punctuation, so "Ó Súilleabháin" files
 * among the O's and "O'Brien" beside "Obi". */
typedef struct
{
  char *family_name;
  char *given_name;   /* nullable */
  char *note;         /* nullable: "Apologies sent", "Co-opted", "Chair",
                       * "Suspended — may not vote"; for a guest, their
                       * organisation */
} CrPrintPerson;

/* The attendance sign-in sheet. */
typedef struct
{
  CrPrintMeeting  meeting;
  GPtrArray      *expected;       /* of CrPrintPerson, any order */
  guint           n_walk_in_rows; /* blank rows after the names, for
                                   * members not on the list */
  guint           n_guest_rows;   /* blank rows under "Guests and
                                   * visitors" (0: no such section) */
} CrSheetData;

typedef struct
{
  char     *number;    /* nullable: printed as given ("4a"); %NULL numbers
                        * the item by its place on the printed agenda */
  char     *title;
  char     *proposer;  /* nullable */
  gboolean  is_aob;    /* any other business: always printed last */
} CrPrintAgendaItem;

/* The agenda sent with the papers. */
typedef struct
{
  CrPrintMeeting  meeting;
  char           *papers_sent;  /* nullable ISO date the papers went out */
  GPtrArray      *items;        /* of CrPrintAgendaItem, in order */
} CrAgendaData;

typedef enum
{
  CR_PRINT_DECISION_CONSENSUS,
  CR_PRINT_DECISION_VOTE,
} CrPrintDecisionMethod;

typedef enum
{
  CR_PRINT_OUTCOME_CARRIED,      /* agreed, or carried on a vote */
  CR_PRINT_OUTCOME_NOT_CARRIED,  /* not agreed, or lost on a vote */
  CR_PRINT_OUTCOME_DEFERRED,     /* put off to a later meeting */
} CrPrintOutcome;

typedef enum
{
  CR_PRINT_CASTING_NONE,
  CR_PRINT_CASTING_FOR,
  CR_PRINT_CASTING_AGAINST,
} CrPrintCastingVote;

typedef struct
{
  char                  *text;           /* what was decided */
  CrPrintDecisionMethod  method;
  guint                  votes_for;      /* the three counts: votes only */
  guint                  votes_against;
  guint                  votes_abstain;
  CrPrintCastingVote     casting_vote;   /* the chair's, on a tie */
  CrPrintOutcome         outcome;
  gboolean               to_be_ratified; /* taken while inquorate */
} CrPrintDecision;

typedef struct
{
  char *what;
  char *who;   /* nullable */
  char *due;   /* nullable ISO date */
} CrPrintAction;

typedef struct
{
  char      *number;     /* nullable, as for agenda items */
  char      *title;
  char      *text;       /* nullable minutes; paragraphs separated by a
                          * blank line, a single newline breaks a line */
  GPtrArray *decisions;  /* of CrPrintDecision */
  GPtrArray *actions;    /* of CrPrintAction */
} CrPrintMinutesItem;

/* The minutes of one meeting. */
typedef struct
{
  CrPrintMeeting  meeting;
  GPtrArray      *present;        /* of CrPrintPerson; note: "Chair" … */
  GPtrArray      *apologies;      /* of CrPrintPerson */
  GPtrArray      *absent;         /* of CrPrintPerson */
  GPtrArray      *guests;         /* of CrPrintPerson; note: organisation */
  guint           n_voting_present;
  guint           quorum_needed;  /* 0: the group has no quorum rule */
  GPtrArray      *items;          /* of CrPrintMinutesItem, in order */
} CrMinutesData;

void                cr_print_meeting_clear       (CrPrintMeeting   *meeting);

CrPrintPerson      *cr_print_person_new          (const char       *family_name,
                                                  const char       *given_name,
                                                  const char       *note);
void                cr_print_person_free         (CrPrintPerson    *person);
char               *cr_print_person_dup_name     (const CrPrintPerson *person);
char               *cr_print_person_dup_filed_name (const CrPrintPerson *person);
int                 cr_print_person_compare      (const CrPrintPerson *a,
                                                  const CrPrintPerson *b);
GPtrArray          *cr_print_people_sorted       (GPtrArray        *people);

CrSheetData        *cr_sheet_data_new            (void);
void                cr_sheet_data_free           (CrSheetData      *data);
CrPrintPerson      *cr_sheet_data_add_person     (CrSheetData      *data,
                                                  const char       *family_name,
                                                  const char       *given_name,
                                                  const char       *note);

CrAgendaData       *cr_agenda_data_new           (void);
void                cr_agenda_data_free          (CrAgendaData     *data);
CrPrintAgendaItem  *cr_agenda_data_add_item      (CrAgendaData     *data,
                                                  const char       *title,
                                                  const char       *proposer,
                                                  gboolean          is_aob);

CrMinutesData      *cr_minutes_data_new          (void);
void                cr_minutes_data_free         (CrMinutesData    *data);
CrPrintMinutesItem *cr_minutes_data_add_item     (CrMinutesData    *data,
                                                  const char       *title,
                                                  const char       *text);
CrPrintDecision    *cr_minutes_item_add_decision (CrPrintMinutesItem *item,
                                                  const char       *text,
                                                  CrPrintOutcome    outcome);
CrPrintAction      *cr_minutes_item_add_action   (CrPrintMinutesItem *item,
                                                  const char       *what,
                                                  const char       *who,
                                                  const char       *due);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrSheetData, cr_sheet_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAgendaData, cr_agenda_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrMinutesData, cr_minutes_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrPrintPerson, cr_print_person_free)

G_END_DECLS
