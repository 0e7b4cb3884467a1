/* cr-report-training.c: the training matrix for the council
 *
 * Three sheets. "Matrix": one row a current member of the group, one
 * column a course in the catalogue (core courses marked), each cell the
 * date the course was completed (a real date) while it still counts, or
 * what else is known ("Expired 10/12/2026", "Booked 10/01/2027"); then how
 * many of the core courses are done, the completion and whether the
 * group's training-threshold-percent is met, with a count of those who
 * meet it as a formula. "Expiring": every certificate of the group's
 * members that has expired or expires within 60 days, soonest first.
 * "Courses": the catalogue. Rows are streamed (cr-xlsx.h), so a
 * federation-sized group costs little memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-training.h"

#include "cr-date.h"
#include "cr-rules.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  CrXlsxSheet *sheet;
  GPtrArray   *courses; /* of CrCourse */
  const char  *on_date;
  guint        threshold; /* 0: no rule */
  guint        n_met;
} Matrix;

/* What a cell says when the course isn't done and current: the latest
 * record of the course, if any. */
static char *
other_state (const GPtrArray        *records,
             gint64                  course_id,
             CrCourseState           state,
             const CrTrainingRecord *latest)
{
  const CrTrainingRecord *last = NULL;
  g_autofree char        *uk = NULL;

  if (state == CR_COURSE_EXPIRED && latest != NULL)
    {
      g_autofree char *expiry =
          cr_training_expiry (latest->date, latest->validity_months);

      uk = cr_date_iso_to_uk (expiry);
      /* Translators: a cell of the training matrix; %s is a date. */
      return g_strdup_printf (_ ("Expired %s"), uk);
    }
  for (guint i = 0; i < records->len; i++)
    {
      const CrTrainingRecord *r = g_ptr_array_index ((GPtrArray *) records, i);

      if (r->course_id == course_id &&
          (last == NULL || strcmp (r->date, last->date) >= 0))
        last = r;
    }
  if (last == NULL)
    return NULL;
  uk = cr_date_iso_to_uk (last->date);
  /* Translators: a cell of the training matrix: "Booked 10/01/2027". */
  return g_strdup_printf (_ ("%s %s"),
                          cr_training_status_get_label (last->status), uk);
}

static gboolean
write_row (const CrTrainingRow *row, gpointer user_data)
{
  Matrix *m = user_data;

  cr_xlsx_sheet_add_text (m->sheet, row->name);
  for (guint i = 0; i < m->courses->len; i++)
    {
      CrCourse               *course = g_ptr_array_index (m->courses, i);
      const CrTrainingRecord *latest = NULL;
      CrCourseState state = cr_training_course_state (row->records, course->id,
                                                      course->validity_months,
                                                      m->on_date, &latest);

      if (state == CR_COURSE_CURRENT || state == CR_COURSE_EXPIRING)
        cr_xlsx_sheet_add_date_iso (m->sheet, latest->date);
      else
        {
          g_autofree char *text =
              other_state (row->records, course->id, state, latest);

          cr_xlsx_sheet_add_text (m->sheet, text);
        }
    }
  cr_xlsx_sheet_add_integer (m->sheet, row->completion.done);
  cr_xlsx_sheet_add_integer (m->sheet, row->completion.total);
  cr_xlsx_sheet_add_percent (m->sheet, row->completion.done,
                             row->completion.total);
  if (m->threshold > 0)
    {
      gboolean met = cr_completion_meets (row->completion, m->threshold);

      cr_xlsx_sheet_add_text (m->sheet, met ? _ ("Yes") : _ ("No"));
      m->n_met += met;
    }
  else
    cr_xlsx_sheet_add_blank (m->sheet);
  return cr_xlsx_sheet_end_row (m->sheet);
}

static gboolean
write_matrix (CrStore    *store,
              CrXlsx     *xlsx,
              gint64      group_id,
              const char *group_name,
              const char *on_date,
              GPtrArray  *courses,
              guint       threshold,
              GError    **error)
{
  g_autoptr (GArray) columns = g_array_new (FALSE, TRUE, sizeof (CrXlsxColumn));
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *uk = cr_date_iso_to_uk (on_date);
  CrXlsxColumn     column = { 0 };
  Matrix           m = { 0 };

  column = (CrXlsxColumn){ _ ("Name"), CR_XLSX_TEXT, 0 };
  g_array_append_val (columns, column);
  for (guint i = 0; i < courses->len; i++)
    {
      CrCourse *course = g_ptr_array_index (courses, i);
      /* Translators: a core course's column in the training matrix. */
      char *heading = course->core
                          ? g_strdup_printf (_ ("%s (core)"), course->title)
                          : g_strdup (course->title);

      g_ptr_array_add (titles, heading);
      column = (CrXlsxColumn){ heading, CR_XLSX_DATE, 0 };
      g_array_append_val (columns, column);
    }
  column = (CrXlsxColumn){ _ ("Core done"), CR_XLSX_INTEGER, 0 };
  g_array_append_val (columns, column);
  column = (CrXlsxColumn){ _ ("Core courses"), CR_XLSX_INTEGER, 0 };
  g_array_append_val (columns, column);
  column = (CrXlsxColumn){ _ ("Completion"), CR_XLSX_PERCENT, 0 };
  g_array_append_val (columns, column);
  column = (CrXlsxColumn){ _ ("Threshold met"), CR_XLSX_TEXT, 0 };
  g_array_append_val (columns, column);

  /* Translators: the title of the training matrix; %s is a group. */
  title = g_strdup_printf (_ ("%s: training matrix"), group_name);
  if (threshold > 0)
    /* Translators: the period line of the training matrix. */
    period = g_strdup_printf (_ ("As at %s; the terms of reference ask for "
                                 "%u%% of the core programme"),
                              uk, threshold);
  else
    period = g_strdup_printf (_ ("As at %s; no training threshold is set"), uk);

  m.sheet = cr_xlsx_add_sheet (xlsx, _ ("Matrix"), title, period,
                               (CrXlsxColumn *) columns->data, columns->len);
  m.courses = courses;
  m.on_date = on_date;
  m.threshold = threshold;
  if (!cr_store_foreach_training_row (store, group_id, on_date, write_row, &m,
                                      error))
    return FALSE;

  cr_xlsx_sheet_begin_totals (m.sheet, _ ("Meeting the threshold"));
  for (guint i = 0; i < courses->len + 3; i++)
    cr_xlsx_sheet_add_blank (m.sheet);
  if (threshold > 0)
    cr_xlsx_sheet_add_count_if (m.sheet, _ ("Yes"), m.n_met);
  else
    cr_xlsx_sheet_add_blank (m.sheet);
  cr_xlsx_sheet_end_row (m.sheet);
  return TRUE;
}

static gboolean
write_expiring (CrStore    *store,
                CrXlsx     *xlsx,
                gint64      group_id,
                const char *group_name,
                const char *on_date,
                GError    **error)
{
  const CrXlsxColumn columns[] = {
    { N_ ("Name"), CR_XLSX_TEXT, 0 },
    { N_ ("Course"), CR_XLSX_TEXT, 0 },
    { N_ ("Completed on"), CR_XLSX_DATE, 0 },
    { N_ ("Expires on"), CR_XLSX_DATE, 0 },
    { N_ ("State"), CR_XLSX_TEXT, 0 },
    { N_ ("Certificate"), CR_XLSX_TEXT, 0 },
  };
  CrXlsxColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr (GPtrArray) expiring = NULL;
  g_autofree char *title = NULL;
  CrXlsxSheet     *sheet;

  expiring = cr_store_list_expiring (store, group_id, on_date, error);
  if (expiring == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _ (columns[i].title);
    }
  /* Translators: %s is a group. */
  title = g_strdup_printf (_ ("%s: certificates expired or expiring within "
                              "60 days"),
                           group_name);
  sheet = cr_xlsx_add_sheet (xlsx, _ ("Expiring"), title, NULL, translated,
                             G_N_ELEMENTS (translated));
  for (guint i = 0; i < expiring->len; i++)
    {
      CrExpiringCertificate *c = g_ptr_array_index (expiring, i);

      cr_xlsx_sheet_add_text (sheet, c->person_name);
      cr_xlsx_sheet_add_text (sheet, c->course_title);
      cr_xlsx_sheet_add_date_iso (sheet, c->done_on);
      cr_xlsx_sheet_add_date_iso (sheet, c->expires_on);
      cr_xlsx_sheet_add_text (sheet, cr_course_state_get_label (c->state));
      cr_xlsx_sheet_add_text (sheet, c->certificate);
      if (!cr_xlsx_sheet_end_row (sheet))
        break;
    }
  return TRUE;
}

static void
write_courses (CrXlsx *xlsx, GPtrArray *courses, const char *group_name)
{
  const CrXlsxColumn columns[] = {
    { N_ ("Course"), CR_XLSX_TEXT, 0 },
    { N_ ("Provider"), CR_XLSX_TEXT, 0 },
    { N_ ("Core"), CR_XLSX_TEXT, 0 },
    { N_ ("Valid for (months)"), CR_XLSX_INTEGER, 0 },
    { N_ ("Cost a place"), CR_XLSX_MONEY, 0 },
  };
  CrXlsxColumn     translated[G_N_ELEMENTS (columns)];
  g_autofree char *title = NULL;
  CrXlsxSheet     *sheet;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _ (columns[i].title);
    }
  /* Translators: %s is a group. */
  title = g_strdup_printf (_ ("%s: course catalogue"), group_name);
  sheet = cr_xlsx_add_sheet (xlsx, _ ("Courses"), title, NULL, translated,
                             G_N_ELEMENTS (translated));
  for (guint i = 0; i < courses->len; i++)
    {
      CrCourse *c = g_ptr_array_index (courses, i);

      cr_xlsx_sheet_add_text (sheet, c->title);
      cr_xlsx_sheet_add_text (sheet, c->provider);
      cr_xlsx_sheet_add_text (sheet, c->core ? _ ("Yes") : _ ("No"));
      if (c->validity_months > 0)
        cr_xlsx_sheet_add_integer (sheet, c->validity_months);
      else
        cr_xlsx_sheet_add_text (sheet, _ ("Never expires"));
      cr_xlsx_sheet_add_money (sheet, c->cost);
      if (!cr_xlsx_sheet_end_row (sheet))
        break;
    }
}

/**
 * cr_report_training:
 * @store: the association file
 * @path: where to write the .xlsx; an existing file is replaced only once
 *   the new one is complete
 * @group_id: the group whose members and core programme the matrix shows;
 *   0 for the association
 * @on_date: (nullable): ISO date; today if %NULL
 * @error: return location for a #CR_STORE_ERROR or a #CR_XLSX_ERROR
 *
 * Writes the training matrix, the expiring certificates and the
 * catalogue.
 *
 * Returns: %TRUE if the report was saved
 */
gboolean
cr_report_training (CrStore    *store,
                    const char *path,
                    gint64      group_id,
                    const char *on_date,
                    GError    **error)
{
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (CrRules) rules = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autofree char *today = NULL;
  const char      *group_name = NULL;
  guint            threshold = 0;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (on_date == NULL)
    on_date = today = cr_date_today_iso ();
  if (group_id <= 0)
    group_id = cr_store_get_association_group (store);

  groups = cr_store_list_groups (store, error);
  if (groups == NULL)
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    if (cr_group_get_id (g_ptr_array_index (groups, i)) == group_id)
      group_name = cr_group_get_name (g_ptr_array_index (groups, i));
  if (group_name == NULL)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _ ("That group is no longer in the file."));
      return FALSE;
    }

  rules = cr_store_get_rules (store, group_id, on_date, error);
  if (rules == NULL)
    return FALSE;
  if (cr_rules_has (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT))
    threshold = cr_rules_get_value (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT);
  courses = cr_store_list_courses (store, group_id, on_date, error);
  if (courses == NULL)
    return FALSE;

  xlsx = cr_xlsx_new (path, cr_store_get_association_name (store),
                      _ ("Training matrix"), error);
  if (xlsx == NULL)
    return FALSE;
  {
    /* The expiring certificates and the catalogue are as on that day. */
    g_autofree char *as_at = cr_xlsx_describe_as_at (on_date);

    cr_xlsx_set_period (xlsx, as_at);
  }
  if (!write_matrix (store, xlsx, group_id, group_name, on_date, courses,
                     threshold, error) ||
      !write_expiring (store, xlsx, group_id, group_name, on_date, error))
    return FALSE;
  write_courses (xlsx, courses, group_name);
  return cr_xlsx_close (xlsx, cr_store_get_path (store), error);
}
