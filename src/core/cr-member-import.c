/* cr-member-import.c: people from a spreadsheet saved as CSV
 *
 * One importer for the window's preview and `commonroom-cli import
 * members`. It reads the header row to guess what each column holds (the
 * window lets the user correct it), then checks every row and collects
 * every problem with its line, so a secretary fixes the file once rather
 * than once per error. Nothing here touches the association file: the
 * store imports the rows, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-member-import.h"

#include "cr-date.h"
#include "cr-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _CrMemberImport
{
  CrCsv         *csv;
  char          *today;
  guint          n_columns;
  CrMemberField *mapping;
  GPtrArray     *rows;      /* CrImportRow */
  GPtrArray     *problems;  /* CrImportProblem */
};

static void
row_free (CrImportRow *row)
{
  g_clear_object (&row->person);
  g_free (row->joined);
  g_free (row);
}

static void
problem_free (CrImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

/* Header names people use, folded: lower case, letters and digits only. */
static const struct
{
  CrMemberField  field;
  const char    *names[12];
} aliases[] = {
  { CR_MEMBER_FIELD_NAME, { "name", "fullname", "membername", "member",
                            "names", "residentname", "resident", "person",
                            "contactname", NULL } },
  { CR_MEMBER_FIELD_GIVEN_NAME, { "firstname", "forename", "forenames",
                                  "givenname", "first", "christianname",
                                  "givennames", NULL } },
  { CR_MEMBER_FIELD_FAMILY_NAME, { "surname", "lastname", "familyname",
                                   "last", "secondname", NULL } },
  { CR_MEMBER_FIELD_ADDRESS, { "address", "address1", "addressline1",
                               "address2", "addressline2", "streetaddress",
                               "homeaddress", "flat", "flatnumber",
                               "housenumber", "addr", NULL } },
  { CR_MEMBER_FIELD_BLOCK, { "block", "street", "building", "estate",
                             "blockorstreet", "road", NULL } },
  { CR_MEMBER_FIELD_POSTCODE, { "postcode", "postalcode", "zip", "zipcode",
                                "pc", NULL } },
  { CR_MEMBER_FIELD_PHONE, { "phone", "telephone", "tel", "mobile",
                             "phonenumber", "telephonenumber", "mobilenumber",
                             "contactnumber", "landline", NULL } },
  { CR_MEMBER_FIELD_EMAIL, { "email", "emailaddress", "mail", NULL } },
  { CR_MEMBER_FIELD_TENURE, { "tenure", "tenancy", "tenancytype",
                              "tenantorleaseholder", "type", NULL } },
  { CR_MEMBER_FIELD_JOINED, { "joined", "datejoined", "joinedon",
                              "startdate", "membersince", "joindate",
                              "since", "from", "dateofjoining", NULL } },
  { CR_MEMBER_FIELD_CONSENT, { "consent", "consenttocontact", "contactok",
                               "happytobecontacted", "canwecontactyou",
                               "gdprconsent", "contactconsent", NULL } },
  { CR_MEMBER_FIELD_NOTES, { "notes", "note", "comments", "comment",
                             NULL } },
};

static char *
fold_header (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header ? header : "", "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/**
 * cr_member_field_for_header:
 * @header: a column's heading, as the spreadsheet has it
 *
 * Returns: what the column most likely holds, or
 *   %CR_MEMBER_FIELD_IGNORE if the heading means nothing to us
 */
CrMemberField
cr_member_field_for_header (const char *header)
{
  g_autofree char *folded = fold_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    for (guint j = 0; aliases[i].names[j] != NULL; j++)
      if (g_str_equal (folded, aliases[i].names[j]))
        return aliases[i].field;
  return CR_MEMBER_FIELD_IGNORE;
}

/**
 * cr_member_field_get_label:
 *
 * Returns: (transfer none): the field's name for the column mapping
 */
const char *
cr_member_field_get_label (CrMemberField field)
{
  switch (field)
    {
    case CR_MEMBER_FIELD_NAME:
      return _("Full name");
    case CR_MEMBER_FIELD_GIVEN_NAME:
      return _("Given name");
    case CR_MEMBER_FIELD_FAMILY_NAME:
      return _("Family name");
    case CR_MEMBER_FIELD_ADDRESS:
      return _("Address");
    case CR_MEMBER_FIELD_BLOCK:
      return _("Block or street");
    case CR_MEMBER_FIELD_POSTCODE:
      return _("Postcode");
    case CR_MEMBER_FIELD_PHONE:
      return _("Phone");
    case CR_MEMBER_FIELD_EMAIL:
      return _("Email");
    case CR_MEMBER_FIELD_TENURE:
      return _("Tenure");
    case CR_MEMBER_FIELD_JOINED:
      return _("Joined");
    case CR_MEMBER_FIELD_CONSENT:
      return _("Consent to contact");
    case CR_MEMBER_FIELD_NOTES:
      return _("Notes");
    case CR_MEMBER_FIELD_IGNORE:
    case CR_MEMBER_N_FIELDS:
    default:
      return _("Not imported");
    }
}

static gboolean
is_particle (const char *word)
{
  static const char *const particles[] = {
    "van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del",
    "dos", "das", "ter", "ten", "bin", "al", "el", "st", NULL
  };

  return g_strv_contains (particles, word);
}

/**
 * cr_split_full_name:
 * @name: "Kwame Mensah", "Mensah, Kwame" or "Jan van der Berg"
 * @given: (out) (transfer full): the given names
 * @family: (out) (transfer full): the family name
 *
 * Splits a name written in one cell. "Family, Given" is taken at its word;
 * otherwise the last word is the family name, with the lower-case
 * particles before it ("van der").
 *
 * Returns: %FALSE if @name is empty
 */
gboolean
cr_split_full_name (const char  *name,
                    char       **given,
                    char       **family)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_auto (GStrv) words = NULL;
  const char *comma;
  guint n, start;

  *given = NULL;
  *family = NULL;
  if (*clean == '\0')
    return FALSE;

  comma = strchr (clean, ',');
  if (comma != NULL)
    {
      *family = g_strstrip (g_strndup (clean, comma - clean));
      *given = g_strstrip (g_strdup (comma + 1));
      return TRUE;
    }

  words = g_strsplit_set (clean, " \t", -1);
  {
    /* Drop the empty words that runs of spaces leave. */
    g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    g_strfreev (words);
    words = g_strv_builder_end (builder);
  }
  n = g_strv_length (words);
  if (n == 1)
    {
      *given = g_strdup ("");
      *family = g_strdup (words[0]);
      return TRUE;
    }
  start = n - 1;
  while (start > 1 && is_particle (words[start - 1]))
    start--;
  {
    GString *g = g_string_new (NULL);
    GString *f = g_string_new (NULL);

    for (guint i = 0; i < n; i++)
      {
        GString *to = i < start ? g : f;

        if (to->len > 0)
          g_string_append_c (to, ' ');
        g_string_append (to, words[i]);
      }
    *given = g_string_free (g, FALSE);
    *family = g_string_free (f, FALSE);
  }
  return TRUE;
}

static gboolean
parse_tenure (const char *text,
              CrTenure   *tenure)
{
  g_autofree char *folded = fold_header (text);

  if (*folded == '\0' || g_str_equal (folded, "unknown") ||
      g_str_equal (folded, "notknown"))
    *tenure = CR_TENURE_UNKNOWN;
  else if (g_str_equal (folded, "t") || g_str_has_suffix (folded, "tenant") ||
           g_str_equal (folded, "tenancy") || g_str_equal (folded, "renter") ||
           g_str_equal (folded, "council"))
    *tenure = CR_TENURE_TENANT;
  else if (g_str_equal (folded, "l") ||
           g_str_has_prefix (folded, "leasehold") ||
           g_str_equal (folded, "lessee"))
    *tenure = CR_TENURE_LEASEHOLDER;
  else if (g_str_equal (folded, "o") || g_str_equal (folded, "other") ||
           g_str_has_prefix (folded, "freehold") ||
           g_str_has_prefix (folded, "sharedowner") ||
           g_str_equal (folded, "owner") || g_str_equal (folded, "homeowner") ||
           g_str_has_prefix (folded, "privatetenant"))
    *tenure = CR_TENURE_OTHER;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *yes)
{
  g_autofree char *folded = fold_header (text);
  static const char *const yeses[] = { "y", "yes", "true", "1", "ok", "x",
                                       "agreed", NULL };
  static const char *const noes[] = { "", "n", "no", "false", "0", NULL };

  if (g_strv_contains (yeses, folded))
    *yes = TRUE;
  else if (g_strv_contains (noes, folded))
    *yes = FALSE;
  else
    return FALSE;
  return TRUE;
}

/**
 * cr_member_import_new:
 * @csv: the parsed file, its first record the header row; it must outlive
 *   the import
 * @today: ISO date given to people whose row has no joined date
 *
 * Guesses each column's meaning from its heading.
 *
 * Returns: (transfer full): the import, not yet checked
 */
CrMemberImport *
cr_member_import_new (CrCsv      *csv,
                      const char *today)
{
  CrMemberImport *self;
  gboolean have_name = FALSE;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_new0 (CrMemberImport, 1);
  self->csv = csv;
  self->today = g_strdup (today);
  self->n_columns = cr_csv_get_n_records (csv) > 0
                    ? cr_csv_record_get_n_fields (csv, 0) : 0;
  self->mapping = g_new0 (CrMemberField, MAX (self->n_columns, 1));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  for (guint c = 0; c < self->n_columns; c++)
    {
      CrMemberField field = cr_member_field_for_header (cr_csv_get_field (csv, 0, c));

      /* "Name" beside "First name" and "Surname" is a title, not a name. */
      if (field == CR_MEMBER_FIELD_NAME && have_name)
        field = CR_MEMBER_FIELD_IGNORE;
      have_name |= field == CR_MEMBER_FIELD_NAME;
      self->mapping[c] = field;
    }
  return self;
}

void
cr_member_import_free (CrMemberImport *self)
{
  if (self == NULL)
    return;
  g_free (self->today);
  g_free (self->mapping);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

guint
cr_member_import_get_n_columns (CrMemberImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

/**
 * cr_member_import_get_header:
 *
 * Returns: (transfer none): the column's heading in the file
 */
const char *
cr_member_import_get_header (CrMemberImport *self,
                             guint           column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return cr_csv_get_field (self->csv, 0, column);
}

CrMemberField
cr_member_import_get_mapping (CrMemberImport *self,
                              guint           column)
{
  g_return_val_if_fail (self != NULL, CR_MEMBER_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, CR_MEMBER_FIELD_IGNORE);
  return self->mapping[column];
}

/**
 * cr_member_import_set_mapping:
 *
 * Corrects what a column holds; cr_member_import_check() must run again.
 */
void
cr_member_import_set_mapping (CrMemberImport *self,
                              guint           column,
                              CrMemberField   field)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < CR_MEMBER_N_FIELDS);
  self->mapping[column] = field;
}

static void
add_problem (CrMemberImport *self,
             guint           line,
             char           *message)
{
  CrImportProblem *problem = g_new0 (CrImportProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (self->problems, problem);
}

/* The row's cells for @field, joined with ", ", trimmed. A field is
 * nearly always one column: its trimmed cell is copied once, with no
 * GString, since this runs a dozen times a row of a 100,000-row file. */
static char *
gather (CrMemberImport *self,
        guint           record,
        CrMemberField   field)
{
  GString *out = NULL;
  const char *first = NULL;
  gsize first_len = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *cell;
      const char *end;

      if (self->mapping[c] != field)
        continue;
      cell = cr_csv_get_field (self->csv, record, c);
      if (cell == NULL)
        continue;
      /* The span g_strstrip() would keep. */
      while (g_ascii_isspace (*cell))
        cell++;
      end = cell + strlen (cell);
      while (end > cell && g_ascii_isspace (end[-1]))
        end--;
      if (end == cell)
        continue;
      if (first == NULL)
        {
          first = cell;
          first_len = end - cell;
          continue;
        }
      if (out == NULL)
        out = g_string_new_len (first, first_len);
      g_string_append (out, ", ");
      g_string_append_len (out, cell, end - cell);
    }
  if (out != NULL)
    return g_string_free (out, FALSE);
  return first != NULL ? g_strndup (first, first_len) : g_strdup ("");
}

static gboolean
has_field (CrMemberImport *self,
           CrMemberField   field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] == field)
      return TRUE;
  return FALSE;
}

/* Checks one record; returns a row or adds problems. */
static void
check_record (CrMemberImport *self,
              guint           record)
{
  guint line = cr_csv_get_line (self->csv, record);
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autofree char *given = gather (self, record, CR_MEMBER_FIELD_GIVEN_NAME);
  g_autofree char *family = gather (self, record, CR_MEMBER_FIELD_FAMILY_NAME);
  g_autofree char *full = gather (self, record, CR_MEMBER_FIELD_NAME);
  g_autofree char *postcode = gather (self, record, CR_MEMBER_FIELD_POSTCODE);
  g_autofree char *email = gather (self, record, CR_MEMBER_FIELD_EMAIL);
  g_autofree char *phone = gather (self, record, CR_MEMBER_FIELD_PHONE);
  g_autofree char *tenure_text = gather (self, record, CR_MEMBER_FIELD_TENURE);
  g_autofree char *joined_text = gather (self, record, CR_MEMBER_FIELD_JOINED);
  g_autofree char *consent_text = gather (self, record, CR_MEMBER_FIELD_CONSENT);
  g_autofree char *address = gather (self, record, CR_MEMBER_FIELD_ADDRESS);
  g_autofree char *block = gather (self, record, CR_MEMBER_FIELD_BLOCK);
  g_autofree char *notes = gather (self, record, CR_MEMBER_FIELD_NOTES);
  g_autofree char *joined = NULL;
  guint before = self->problems->len;
  CrTenure tenure = CR_TENURE_UNKNOWN;
  gboolean consent = FALSE;
  CrImportRow *row;

  if (*given == '\0' && *family == '\0' && *full != '\0')
    {
      g_free (given);
      g_free (family);
      cr_split_full_name (full, &given, &family);
    }
  if (*given == '\0' && *family == '\0')
    add_problem (self, line, g_strdup (_("The row has no name.")));

  if (*postcode != '\0')
    {
      g_autoptr (GError) error = NULL;
      char *tidy = cr_validate_postcode (postcode, &error);

      if (tidy == NULL)
        add_problem (self, line, g_strdup (error->message));
      g_free (postcode);
      postcode = tidy;
    }
  if (*email != '\0')
    {
      g_autoptr (GError) error = NULL;
      char *tidy = cr_validate_email (email, &error);

      if (tidy == NULL)
        add_problem (self, line, g_strdup (error->message));
      g_free (email);
      email = tidy;
    }
  if (*phone != '\0')
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *digits = NULL;
      char *tidy;

      /* Spreadsheets drop the 0 of a phone number stored as a number. */
      if (strspn (phone, "0123456789") == strlen (phone) && strlen (phone) == 10 &&
          phone[0] == '7')
        {
          digits = g_strconcat ("0", phone, NULL);
          g_free (phone);
          phone = g_steal_pointer (&digits);
        }
      tidy = cr_validate_phone (phone, &error);
      if (tidy == NULL)
        add_problem (self, line, g_strdup (error->message));
      g_free (phone);
      phone = tidy;
    }
  if (!parse_tenure (tenure_text, &tenure))
    add_problem (self, line,
                 g_strdup_printf (_("“%s” is not a tenure: write Tenant, "
                                    "Leaseholder or Other."),
                                  tenure_text));
  if (!parse_yes_no (consent_text, &consent))
    add_problem (self, line,
                 g_strdup_printf (_("“%s” is not a yes or a no for consent to "
                                    "contact."),
                                  consent_text));
  if (*joined_text != '\0')
    {
      g_autoptr (GError) error = NULL;
      GDate date;

      if (cr_date_parse (joined_text, &date, &error))
        joined = cr_date_to_iso (&date);
      else
        add_problem (self, line, g_strdup (error->message));
    }
  else
    joined = g_strdup (self->today);

  if (self->problems->len > before)
    return;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  cr_person_set_address (person, address);
  cr_person_set_block (person, block);
  cr_person_set_postcode (person, postcode);
  cr_person_set_phone (person, phone);
  cr_person_set_email (person, email);
  cr_person_set_tenure (person, tenure);
  cr_person_set_consent (person, consent, NULL);
  cr_person_set_notes (person, notes);

  row = g_new0 (CrImportRow, 1);
  row->line = line;
  row->person = g_steal_pointer (&person);
  row->joined = g_steal_pointer (&joined);
  g_ptr_array_add (self->rows, row);
}

/**
 * cr_member_import_check:
 *
 * Reads every row with the current column mapping.
 *
 * Returns: %TRUE if every row can be imported; otherwise the problems say
 *   which rows can't and why
 */
gboolean
cr_member_import_check (CrMemberImport *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->problems, 0);

  if (!has_field (self, CR_MEMBER_FIELD_NAME) &&
      !has_field (self, CR_MEMBER_FIELD_GIVEN_NAME) &&
      !has_field (self, CR_MEMBER_FIELD_FAMILY_NAME))
    {
      add_problem (self, 1,
                   g_strdup (_("No column holds names. The first row should "
                               "name the columns, such as Name or First name "
                               "and Surname, Address, Postcode, Email.")));
      return FALSE;
    }

  n = cr_csv_get_n_records (self->csv);
  for (guint r = 1; r < n; r++)
    {
      if (cr_csv_record_is_blank (self->csv, r))
        continue;
      check_record (self, r);
    }
  return self->problems->len == 0;
}

/**
 * cr_member_import_get_rows:
 *
 * Returns: (transfer none) (element-type CrImportRow): the rows that passed
 */
GPtrArray *
cr_member_import_get_rows (CrMemberImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rows;
}

/**
 * cr_member_import_get_problems:
 *
 * Returns: (transfer none) (element-type CrImportProblem): every problem,
 *   in the order of the file
 */
GPtrArray *
cr_member_import_get_problems (CrMemberImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problems;
}

/**
 * cr_member_import_describe_problems:
 * @filename: the file's name as the user knows it
 * @max: how many to list before "and N more", or 0 for all
 *
 * Returns: (transfer full): the problems, one a line, as
 *   "FILE:LINE: reason"
 */
char *
cr_member_import_describe_problems (CrMemberImport *self,
                                    const char     *filename,
                                    guint           max)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  n = self->problems->len;
  for (guint i = 0; i < n && (max == 0 || i < max); i++)
    {
      CrImportProblem *p = g_ptr_array_index (self->problems, i);

      g_string_append_printf (out, "%s:%u: %s\n", filename, p->line, p->message);
    }
  if (max > 0 && n > max)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE, "… and %u more problem.\n",
                                         "… and %u more problems.\n", n - max),
                            n - max);
  return g_string_free (out, FALSE);
}
