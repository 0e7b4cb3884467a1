/* cr-print-data.c: what the printed pages are drawn from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-data.h"

#include <string.h>

/**
 * cr_print_meeting_clear:
 * @meeting: a meeting header
 *
 * Frees the strings @meeting holds and sets them to %NULL; the struct
 * itself belongs to the data it is part of.
 */
void
cr_print_meeting_clear (CrPrintMeeting *meeting)
{
  g_return_if_fail (meeting != NULL);

  g_clear_pointer (&meeting->association, g_free);
  g_clear_pointer (&meeting->group, g_free);
  g_clear_pointer (&meeting->date, g_free);
  g_clear_pointer (&meeting->start_time, g_free);
  g_clear_pointer (&meeting->venue, g_free);
  g_clear_pointer (&meeting->kind, g_free);
}

/**
 * cr_print_person_new:
 * @family_name: the family name (surname)
 * @given_name: (nullable): the given name(s)
 * @note: (nullable): a note printed beside the name
 *
 * Returns: (transfer full): a new person holding copies of the strings;
 *   free with cr_print_person_free()
 */
CrPrintPerson *
cr_print_person_new (const char *family_name,
                     const char *given_name,
                     const char *note)
{
  CrPrintPerson *person;

  g_return_val_if_fail (family_name != NULL, NULL);

  person = g_new0 (CrPrintPerson, 1);
  person->family_name = g_strdup (family_name);
  person->given_name = g_strdup (given_name);
  person->note = g_strdup (note);
  return person;
}

/**
 * cr_print_person_free:
 * @person: (nullable) (transfer full): a person
 */
void
cr_print_person_free (CrPrintPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->family_name);
  g_free (person->given_name);
  g_free (person->note);
  g_free (person);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/**
 * cr_print_person_dup_name:
 * @person: a person
 *
 * Returns: (transfer full): the name as said aloud: "Siobhán Ó Súilleabháin"
 */
char *
cr_print_person_dup_name (const CrPrintPerson *person)
{
  g_return_val_if_fail (person != NULL, NULL);

  if (is_empty (person->given_name))
    return g_strdup (person->family_name);
  return g_strdup_printf ("%s %s", person->given_name, person->family_name);
}

/**
 * cr_print_person_dup_filed_name:
 * @person: a person
 *
 * Returns: (transfer full): the name as filed on a list: "Ó Súilleabháin,
 *   Siobhán"
 */
char *
cr_print_person_dup_filed_name (const CrPrintPerson *person)
{
  g_return_val_if_fail (person != NULL, NULL);

  if (is_empty (person->given_name))
    return g_strdup (person->family_name);
  /* TRANSLATORS: a name on a printed list: family name, given name. */
  return g_strdup_printf ("%s, %s", person->family_name, person->given_name);
}

/* The letters and digits of @text without accents, case folded, then made
 * into a collation key for the current locale: "Ó Súilleabháin" and
 * "O'Sullivan" both begin "os…", as a reader looking for them expects. */
static char *
filing_key (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *decomposed = g_utf8_normalize (valid, -1,
                                                  G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *plain = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0';
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (plain, c);
    }
  folded = g_utf8_casefold (plain->str, -1);
  g_string_free (plain, TRUE);
  return g_utf8_collate_key (folded, -1);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "");
}

/**
 * cr_print_person_compare:
 * @a: a person
 * @b: another person
 *
 * Orders people as the printed lists do: by family name, then given name,
 * ignoring case, accents, spaces and punctuation; two names that differ
 * only in those still get a fixed order.
 *
 * Returns: negative, zero or positive, as strcmp()
 */
int
cr_print_person_compare (const CrPrintPerson *a,
                         const CrPrintPerson *b)
{
  g_autofree char *family_a = NULL;
  g_autofree char *family_b = NULL;
  g_autofree char *given_a = NULL;
  g_autofree char *given_b = NULL;
  int result;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  family_a = filing_key (a->family_name);
  family_b = filing_key (b->family_name);
  if ((result = strcmp (family_a, family_b)) != 0)
    return result;
  given_a = filing_key (a->given_name);
  given_b = filing_key (b->given_name);
  if ((result = strcmp (given_a, given_b)) != 0)
    return result;
  if ((result = compare_strings (a->family_name, b->family_name)) != 0)
    return result;
  return compare_strings (a->given_name, b->given_name);
}

typedef struct
{
  const CrPrintPerson *person;
  char                *family;
  char                *given;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const SortEntry *x = a;
  const SortEntry *y = b;
  int result;

  if ((result = strcmp (x->family, y->family)) != 0)
    return result;
  if ((result = strcmp (x->given, y->given)) != 0)
    return result;
  if ((result = compare_strings (x->person->family_name,
                                 y->person->family_name)) != 0)
    return result;
  return compare_strings (x->person->given_name, y->person->given_name);
}

/**
 * cr_print_people_sorted:
 * @people: (nullable) (element-type CrPrintPerson): people in any order
 *
 * Sorts as cr_print_person_compare() does, working out each person's key
 * once, so a list of thousands costs little.
 *
 * Returns: (transfer container) (element-type CrPrintPerson): a new array
 *   of the same people, sorted; the people still belong to @people
 */
GPtrArray *
cr_print_people_sorted (GPtrArray *people)
{
  guint n = people != NULL ? people->len : 0;
  g_autofree SortEntry *entries = g_new0 (SortEntry, MAX (n, 1));
  GPtrArray *sorted = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      const CrPrintPerson *person = g_ptr_array_index (people, i);

      entries[i].person = person;
      entries[i].family = filing_key (person->family_name);
      entries[i].given = filing_key (person->given_name);
    }
  /* g_qsort_with_data is a stable merge sort. */
  g_qsort_with_data (entries, (gint) n, sizeof (SortEntry), compare_entries,
                     NULL);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (sorted, (gpointer) entries[i].person);
      g_free (entries[i].family);
      g_free (entries[i].given);
    }
  return sorted;
}

static GPtrArray *
new_people (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cr_print_person_free);
}

/**
 * cr_sheet_data_new:
 *
 * Returns: (transfer full): empty sign-in sheet data with two blank rows
 *   for walk-ins and eight for guests; free with cr_sheet_data_free()
 */
CrSheetData *
cr_sheet_data_new (void)
{
  CrSheetData *data = g_new0 (CrSheetData, 1);

  data->expected = new_people ();
  data->n_walk_in_rows = 2;
  data->n_guest_rows = 8;
  return data;
}

/**
 * cr_sheet_data_free:
 * @data: (nullable) (transfer full): sign-in sheet data
 */
void
cr_sheet_data_free (CrSheetData *data)
{
  if (data == NULL)
    return;

  cr_print_meeting_clear (&data->meeting);
  g_clear_pointer (&data->expected, g_ptr_array_unref);
  g_free (data);
}

/**
 * cr_sheet_data_add_person:
 * @data: sign-in sheet data
 * @family_name: the family name
 * @given_name: (nullable): the given name(s)
 * @note: (nullable): printed beside the name, e.g. "Apologies sent"
 *
 * Returns: (transfer none): the person added to @data's expected list
 */
CrPrintPerson *
cr_sheet_data_add_person (CrSheetData *data,
                          const char  *family_name,
                          const char  *given_name,
                          const char  *note)
{
  CrPrintPerson *person;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (family_name != NULL, NULL);

  person = cr_print_person_new (family_name, given_name, note);
  g_ptr_array_add (data->expected, person);
  return person;
}

static void
agenda_item_free (CrPrintAgendaItem *item)
{
  g_free (item->number);
  g_free (item->title);
  g_free (item->proposer);
  g_free (item);
}

/**
 * cr_agenda_data_new:
 *
 * Returns: (transfer full): an empty agenda; free with
 *   cr_agenda_data_free()
 */
CrAgendaData *
cr_agenda_data_new (void)
{
  CrAgendaData *data = g_new0 (CrAgendaData, 1);

  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify) agenda_item_free);
  return data;
}

/**
 * cr_agenda_data_free:
 * @data: (nullable) (transfer full): an agenda
 */
void
cr_agenda_data_free (CrAgendaData *data)
{
  if (data == NULL)
    return;

  cr_print_meeting_clear (&data->meeting);
  g_free (data->papers_sent);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

/**
 * cr_agenda_data_add_item:
 * @data: an agenda
 * @title: the item's title
 * @proposer: (nullable): who asked for it
 * @is_aob: whether it is any other business
 *
 * Appends an item, numbered by its place unless its number is set.
 *
 * Returns: (transfer none): the item, owned by @data
 */
CrPrintAgendaItem *
cr_agenda_data_add_item (CrAgendaData *data,
                         const char   *title,
                         const char   *proposer,
                         gboolean      is_aob)
{
  CrPrintAgendaItem *item;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  item = g_new0 (CrPrintAgendaItem, 1);
  item->title = g_strdup (title);
  item->proposer = g_strdup (proposer);
  item->is_aob = is_aob;
  g_ptr_array_add (data->items, item);
  return item;
}

static void
decision_free (CrPrintDecision *decision)
{
  g_free (decision->text);
  g_free (decision);
}

static void
action_free (CrPrintAction *action)
{
  g_free (action->what);
  g_free (action->who);
  g_free (action->due);
  g_free (action);
}

static void
minutes_item_free (CrPrintMinutesItem *item)
{
  g_free (item->number);
  g_free (item->title);
  g_free (item->text);
  g_clear_pointer (&item->decisions, g_ptr_array_unref);
  g_clear_pointer (&item->actions, g_ptr_array_unref);
  g_free (item);
}

/**
 * cr_minutes_data_new:
 *
 * Returns: (transfer full): empty minutes; free with
 *   cr_minutes_data_free()
 */
CrMinutesData *
cr_minutes_data_new (void)
{
  CrMinutesData *data = g_new0 (CrMinutesData, 1);

  data->present = new_people ();
  data->apologies = new_people ();
  data->absent = new_people ();
  data->guests = new_people ();
  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify) minutes_item_free);
  return data;
}

/**
 * cr_minutes_data_free:
 * @data: (nullable) (transfer full): minutes
 */
void
cr_minutes_data_free (CrMinutesData *data)
{
  if (data == NULL)
    return;

  cr_print_meeting_clear (&data->meeting);
  g_clear_pointer (&data->present, g_ptr_array_unref);
  g_clear_pointer (&data->apologies, g_ptr_array_unref);
  g_clear_pointer (&data->absent, g_ptr_array_unref);
  g_clear_pointer (&data->guests, g_ptr_array_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

/**
 * cr_minutes_data_add_item:
 * @data: minutes
 * @title: the agenda item's title
 * @text: (nullable): the minutes of the item
 *
 * Returns: (transfer none): the item, owned by @data
 */
CrPrintMinutesItem *
cr_minutes_data_add_item (CrMinutesData *data,
                          const char    *title,
                          const char    *text)
{
  CrPrintMinutesItem *item;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  item = g_new0 (CrPrintMinutesItem, 1);
  item->title = g_strdup (title);
  item->text = g_strdup (text);
  item->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) decision_free);
  item->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_free);
  g_ptr_array_add (data->items, item);
  return item;
}

/**
 * cr_minutes_item_add_decision:
 * @item: an item of the minutes
 * @text: what was decided
 * @outcome: whether it was carried
 *
 * Adds a decision taken by consensus; set its method and votes on the
 * returned struct when it went to a vote.
 *
 * Returns: (transfer none): the decision, owned by @item
 */
CrPrintDecision *
cr_minutes_item_add_decision (CrPrintMinutesItem *item,
                              const char         *text,
                              CrPrintOutcome      outcome)
{
  CrPrintDecision *decision;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  decision = g_new0 (CrPrintDecision, 1);
  decision->text = g_strdup (text);
  decision->method = CR_PRINT_DECISION_CONSENSUS;
  decision->outcome = outcome;
  g_ptr_array_add (item->decisions, decision);
  return decision;
}

/**
 * cr_minutes_item_add_action:
 * @item: an item of the minutes
 * @what: what is to be done
 * @who: (nullable): who will do it
 * @due: (nullable): by when, ISO
 *
 * Returns: (transfer none): the action, owned by @item
 */
CrPrintAction *
cr_minutes_item_add_action (CrPrintMinutesItem *item,
                            const char         *what,
                            const char         *who,
                            const char         *due)
{
  CrPrintAction *action;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  action = g_new0 (CrPrintAction, 1);
  action->what = g_strdup (what);
  action->who = g_strdup (who);
  action->due = g_strdup (due);
  g_ptr_array_add (item->actions, action);
  return action;
}
