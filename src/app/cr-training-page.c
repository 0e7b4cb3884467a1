/* cr-training-page.c: the Training page
 *
 * For the group chosen in the window: each member's completion of the
 * core programme against the group's training-threshold-percent (those
 * below it first), the certificates that have expired or expire within 60
 * days, the skills audit (wanted, who has them, the gaps) and the course
 * catalogue. "Record a Session…" records everyone at a session at once;
 * a member's row opens their training record; "Required Courses…" sets
 * what each role needs. Read when the page is shown, when the group
 * changes and after each edit made here, so it always reflects the file:
 * in a worker, on the page's own read-only connection, since a
 * federation's file takes more than a second to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-training-page.h"

#include "cr-date.h"
#include "cr-form.h"
#include "cr-group.h"
#include "cr-money.h"
#include "cr-person-training.h"
#include "cr-required-courses.h"
#include "cr-rules.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"
#include "cr-window.h"

#include <glib/gi18n.h>
#include <string.h>

/* Rows shown in a list before "and N more"; the rest are in the export.
 * The completion list comes first, so it is kept short enough for the
 * other lists to be found below it. */
#define MAX_ROWS            100
#define MAX_COMPLETION_ROWS 25
#define MAX_ATTENDEES       2000

typedef struct _Reader Reader;

struct _CrTrainingPage
{
  GtkWidget parent_instance;

  CrStore      *store;
  gint64        group_id;
  guint         n_people;
  GCancellable *cancellable; /* the read under way, or NULL */
  gint64        shown_group; /* whose lists are shown; 0: none */
  Reader       *reader;      /* this file's read-only connection */
  GPtrArray    *queued;      /* QueuedRow: read, not yet in their lists */
  guint         queue_tick;

  GtkStack            *stack;

  AdwPreferencesGroup *completion_group;
  AdwPreferencesGroup *skills_group;
  GtkListBox          *groups_list;
  GtkListBox          *completion_list;
  GtkListBox          *expiring_list;
  GtkListBox          *skills_list;
  GtkListBox          *courses_list;
};

G_DEFINE_FINAL_TYPE (CrTrainingPage, cr_training_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_GROUP_ID,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64       person_id;
  char        *name;
  CrCompletion completion;
  gboolean     met;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->name);
  g_free (row);
}

static gint64
group_of (CrTrainingPage *self)
{
  return self->group_id > 0 ? self->group_id
                            : cr_store_get_association_group (self->store);
}

static char *
group_name (CrTrainingPage *self)
{
  g_autoptr (GPtrArray) groups = cr_store_list_groups (self->store, NULL);
  gint64 id = group_of (self);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    if (cr_group_get_id (g_ptr_array_index (groups, i)) == id)
      return g_strdup (cr_group_get_name (g_ptr_array_index (groups, i)));
  return g_strdup (cr_store_get_association_name (self->store));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_tag (GtkWidget *row, const char *text, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

/* Rows reach a shown page's lists a few each frame: a federation's page
 * has hundreds (every group, a hundred certificates), and measuring their
 * wrapped labels in one frame held the window still for the best part of
 * a second after the worker had done its reading. A hidden page takes
 * them at once: nothing is laid out until it is shown. */
typedef struct
{
  GtkListBox *list;
  GtkWidget  *row;
} QueuedRow;

static void
queued_row_free (gpointer data)
{
  QueuedRow *q = data;

  g_object_unref (q->row);
  g_free (q);
}

/* Rows added a frame: each is measured once, a few milliseconds. */
#define ROWS_PER_FRAME 12

static void
add_queued_rows (CrTrainingPage *self, guint n)
{
  n = MIN (n, self->queued->len);
  for (guint i = 0; i < n; i++)
    {
      QueuedRow *q = g_ptr_array_index (self->queued, i);

      gtk_list_box_append (q->list, q->row);
    }
  g_ptr_array_remove_range (self->queued, 0, n);
}

static void
stop_queue (CrTrainingPage *self)
{
  if (self->queue_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->queue_tick);
  self->queue_tick = 0;
}

static gboolean
queue_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (widget);

  add_queued_rows (self, ROWS_PER_FRAME);
  if (self->queued->len > 0)
    return G_SOURCE_CONTINUE;
  self->queue_tick = 0;
  if (self->cancellable == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return G_SOURCE_REMOVE;
}

static void
queue_row (CrTrainingPage *self, GtkListBox *list, GtkWidget *row)
{
  QueuedRow *q;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_list_box_append (list, row);
      return;
    }
  q = g_new0 (QueuedRow, 1);
  q->list = list;
  q->row = g_object_ref_sink (row);
  g_ptr_array_add (self->queued, q);
  if (self->queue_tick == 0)
    self->queue_tick =
        gtk_widget_add_tick_callback (GTK_WIDGET (self), queue_tick, NULL,
                                      NULL);
}

static void
add_placeholder (CrTrainingPage *self, GtkListBox *list, const char *text)
{
  GtkWidget *row = new_row (text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  queue_row (self, list, row);
}

static void
add_more (CrTrainingPage *self, GtkListBox *list, guint more)
{
  g_autofree char *text = g_strdup_printf (
      g_dngettext (NULL, "and %u more, in the training export",
                   "and %u more, in the training export", more),
      more);

  add_placeholder (self, list, text);
}

static gboolean
collect_row (const CrTrainingRow *row, gpointer user_data)
{
  Row *r = g_new0 (Row, 1);

  r->person_id = row->person_id;
  r->name = g_strdup (row->name);
  r->completion = row->completion;
  g_ptr_array_add (user_data, r);
  return TRUE;
}

/* Those below the threshold first, the least trained first; the register
 * order among equals (the sort is stable). */
static gint
compare_rows (gconstpointer a, gconstpointer b)
{
  const Row *x = *(Row **) a;
  const Row *y = *(Row **) b;

  if (x->met != y->met)
    return x->met ? 1 : -1;
  return (gint) cr_completion_percent (x->completion) -
         (gint) cr_completion_percent (y->completion);
}

/* ---- reading, in a worker ---------------------------------------------- */

/* Everything the page shows, read on a second, read-only connection in a
 * thread: on a federation's file the completion of 100,000 members takes
 * more than a second, and the window must not stand still meanwhile. A
 * section that could not be read keeps its message instead. */
typedef struct
{
  gint64     group_id;
  char      *on;
  char      *group_name;
  guint      threshold; /* training-threshold-percent; 0: none */
  guint      n_core;    /* core courses in force */
  guint      n_people;
  guint      n_met;
  GPtrArray *rows; /* Row: the first MAX_COMPLETION_ROWS, in order */
  char      *rows_error;
  GPtrArray *groups; /* CrGroupCompletion */
  char      *groups_error;
  GPtrArray *expiring; /* CrExpiringCertificate */
  char      *expiring_error;
  GPtrArray *skills; /* CrSkillAudit */
  char      *skills_error;
  GPtrArray *courses; /* CrCourse */
  char      *courses_error;
  GPtrArray *required; /* CrCourseRequirement */
} TrainingData;

static void
training_data_free (TrainingData *data)
{
  g_free (data->on);
  g_free (data->group_name);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->groups, g_ptr_array_unref);
  g_clear_pointer (&data->expiring, g_ptr_array_unref);
  g_clear_pointer (&data->skills, g_ptr_array_unref);
  g_clear_pointer (&data->courses, g_ptr_array_unref);
  g_clear_pointer (&data->required, g_ptr_array_unref);
  g_free (data->rows_error);
  g_free (data->groups_error);
  g_free (data->expiring_error);
  g_free (data->skills_error);
  g_free (data->courses_error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrainingData, training_data_free)

/* The page's own read-only connection, opened by the first read in a
 * worker and kept for the next ones: opening checks the whole file
 * (quick_check, a second or more on a federation's file), which a change
 * of group should not pay again. Reads take turns on it; the last job or
 * page to let go closes it. */
struct _Reader
{
  gatomicrefcount ref;
  GMutex          lock;
  char           *path;
  CrStore        *store;
};

static Reader *
reader_new (const char *path)
{
  Reader *reader = g_new0 (Reader, 1);

  g_atomic_ref_count_init (&reader->ref);
  g_mutex_init (&reader->lock);
  reader->path = g_strdup (path);
  return reader;
}

static Reader *
reader_ref (Reader *reader)
{
  g_atomic_ref_count_inc (&reader->ref);
  return reader;
}

static void
reader_unref (Reader *reader)
{
  if (!g_atomic_ref_count_dec (&reader->ref))
    return;
  if (reader->store != NULL)
    cr_store_close (reader->store);
  g_clear_object (&reader->store);
  g_mutex_clear (&reader->lock);
  g_free (reader->path);
  g_free (reader);
}

typedef struct
{
  Reader *reader;
  gint64  group_id;
  char   *on;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  reader_unref (job->reader);
  g_free (job->on);
  g_free (job);
}

/* Takes @error's message for a section that could not be read. */
static char *
take_message (GError **error)
{
  char *message = g_strdup ((*error)->message);

  g_clear_error (error);
  return message;
}

static void
read_completion (CrStore *store, TrainingData *data)
{
  g_autoptr (CrRules) rules = NULL;
  g_autoptr (GArray) core = NULL;
  g_autoptr (GError) error = NULL;

  data->rows = g_ptr_array_new_with_free_func (row_free);
  rules = cr_store_get_rules (store, data->group_id, data->on, NULL);
  if (rules != NULL && cr_rules_has (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT))
    data->threshold =
        cr_rules_get_value (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT);
  core = cr_store_list_core_courses (store, data->group_id, data->on, NULL);
  data->n_core = core != NULL ? core->len : 0;
  if (!cr_store_foreach_training_row (store, data->group_id, data->on,
                                      collect_row, data->rows, &error))
    {
      data->rows_error = take_message (&error);
      g_ptr_array_set_size (data->rows, 0);
      return;
    }
  for (guint i = 0; i < data->rows->len; i++)
    {
      Row *r = g_ptr_array_index (data->rows, i);

      r->met = data->threshold == 0 ||
               cr_completion_meets (r->completion, data->threshold);
      data->n_met += r->met;
    }
  g_ptr_array_sort (data->rows, compare_rows);
  data->n_people = data->rows->len;
  /* Only the first few are shown; the rest are in the export. */
  if (data->rows->len > MAX_COMPLETION_ROWS)
    g_ptr_array_set_size (data->rows, MAX_COMPLETION_ROWS);
}

static TrainingData *
read_training (CrStore      *store,
               gint64        group_id,
               const char   *on,
               GCancellable *cancellable)
{
  g_autoptr (TrainingData) data = g_new0 (TrainingData, 1);
  g_autoptr (GPtrArray) groups = cr_store_list_groups (store, NULL);
  g_autoptr (GError) error = NULL;

  data->group_id = group_id;
  data->on = g_strdup (on);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    if (cr_group_get_id (g_ptr_array_index (groups, i)) == group_id)
      data->group_name =
          g_strdup (cr_group_get_name (g_ptr_array_index (groups, i)));
  if (data->group_name == NULL)
    data->group_name = g_strdup (cr_store_get_association_name (store));

  /* Given up between sections when a newer read has been asked for. */
  if ((data->groups = cr_store_list_group_completion (store, on, &error)) ==
      NULL)
    data->groups_error = take_message (&error);
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  read_completion (store, data);
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  if ((data->expiring = cr_store_list_expiring (store, group_id, on, &error)) ==
      NULL)
    data->expiring_error = take_message (&error);
  if ((data->skills = cr_store_skills_audit (store, group_id, on, &error)) ==
      NULL)
    data->skills_error = take_message (&error);
  if ((data->courses = cr_store_list_courses (store, group_id, on, &error)) ==
      NULL)
    data->courses_error = take_message (&error);
  data->required = cr_store_list_requirements (store, NULL);
  return g_steal_pointer (&data);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  Reader  *reader = job->reader;
  g_autoptr (GError) error = NULL;
  TrainingData *data;

  g_mutex_lock (&reader->lock);
  /* A read asked for while this one waited its turn makes it moot. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_mutex_unlock (&reader->lock);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "A newer read was asked for");
      return;
    }
  if (reader->store == NULL)
    reader->store =
        cr_store_open (reader->path, CR_STORE_OPEN_CHECKED, &error);
  if (reader->store == NULL)
    {
      g_mutex_unlock (&reader->lock);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = read_training (reader->store, job->group_id, job->on, cancellable);
  g_mutex_unlock (&reader->lock);
  if (data == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "A newer read was asked for");
  else
    g_task_return_pointer (task, data, (GDestroyNotify) training_data_free);
}

/* ---- showing what was read --------------------------------------------- */

static void
fill_completion (CrTrainingPage *self, const TrainingData *data)
{
  g_autofree char *description = NULL;
  g_autofree char *uk = cr_date_iso_to_uk (data->on);
  const char      *name = data->group_name;
  guint            threshold = data->threshold;

  if (data->rows_error != NULL)
    {
      add_placeholder (self, self->completion_list, data->rows_error);
      return;
    }
  self->n_people = data->n_people;

  if (data->n_core == 0)
    description = g_strdup_printf (_ ("%s has no core programme yet: open a "
                                      "course in the catalogue and make it "
                                      "core."),
                                   name);
  else if (threshold == 0)
    description = g_strdup_printf (_ ("%s, on %s: %u core courses. The terms "
                                      "of reference set no threshold."),
                                   name, uk, data->n_core);
  else
    description =
        g_strdup_printf (g_dngettext (NULL,
                                      "%s, on %s: %u of %u member "
                                      "have done at least %u%% of "
                                      "the %u core courses, as the "
                                      "terms of reference ask.",
                                      "%s, on %s: %u of %u members "
                                      "have done at least %u%% of "
                                      "the %u core courses, as the "
                                      "terms of reference ask.",
                                      data->n_people),
                         name, uk, data->n_met, data->n_people, threshold,
                         data->n_core);
  adw_preferences_group_set_description (self->completion_group, description);

  if (data->n_people == 0)
    add_placeholder (self, self->completion_list,
                     _ ("Nobody is a member of this group today."));
  for (guint i = 0; i < data->rows->len; i++)
    {
      Row             *r = g_ptr_array_index (data->rows, i);
      g_autofree char *subtitle = g_strdup_printf (
          _ ("%u of %u core courses (%u%%)"), r->completion.done,
          r->completion.total, cr_completion_percent (r->completion));
      GtkWidget *row = new_row (r->name, subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "person-id",
                              g_memdup2 (&r->person_id, sizeof (gint64)),
                              g_free);
      if (threshold > 0)
        {
          g_autofree char *below =
              g_strdup_printf (_ ("Below %u%%"), threshold);

          add_tag (row, r->met ? _ ("Threshold met") : below,
                   r->met ? "success" : "error");
        }
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          gtk_image_new_from_icon_name ("go-next-symbolic"));
      queue_row (self, self->completion_list, row);
    }
  if (data->n_people > MAX_COMPLETION_ROWS)
    add_more (self, self->completion_list,
              data->n_people - MAX_COMPLETION_ROWS);
}

static void
fill_groups (CrTrainingPage *self, const TrainingData *data)
{
  GPtrArray *list = data->groups;

  if (list == NULL)
    {
      add_placeholder (self, self->groups_list, data->groups_error);
      return;
    }
  if (list->len == 0)
    add_placeholder (self, self->groups_list,
                     _ ("No group has a core programme yet."));
  for (guint i = 0; i < list->len; i++)
    {
      CrGroupCompletion *c = g_ptr_array_index (list, i);
      guint              average =
          c->members > 0 ? (guint) (c->percent_sum / c->members) : 0;
      g_autofree char *members = g_strdup_printf (
          g_dngettext (NULL, "%u member", "%u members", c->members),
          c->members);
      g_autofree char *subtitle = g_strdup_printf (
          g_dngettext (NULL, "%s · on average %u%% of %u core course",
                       "%s · on average %u%% of %u core courses", c->core),
          members, average, c->core);
      GtkWidget *row = new_row (c->group_name, subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "group-id",
                              g_memdup2 (&c->group_id, sizeof (gint64)),
                              g_free);
      if (c->threshold > 0)
        {
          g_autofree char *tag = g_strdup_printf (
              _ ("%u of %u meet %u%%"), c->met, c->members, c->threshold);

          add_tag (row, tag, c->met == c->members ? "success" : "warning");
        }
      else
        add_tag (row, _ ("No threshold"), "dim-label");
      /* The group whose members are listed below. */
      if (c->group_id == data->group_id)
        adw_action_row_add_prefix (
            ADW_ACTION_ROW (row),
            gtk_image_new_from_icon_name ("object-select-symbolic"));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          gtk_image_new_from_icon_name ("go-next-symbolic"));
      queue_row (self, self->groups_list, row);
    }
}

/* Shows that group on every page that follows the group switcher. */
static void
group_row_activated (CrTrainingPage *self, GtkListBoxRow *row)
{
  gint64  *id = g_object_get_data (G_OBJECT (row), "group-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (id == NULL)
    return;
  if (CR_IS_WINDOW (root))
    cr_window_set_group_id (CR_WINDOW (root), *id);
  else
    cr_training_page_set_group_id (self, *id);
}

static void
fill_expiring (CrTrainingPage *self, const TrainingData *data)
{
  GPtrArray *list = data->expiring;

  if (list == NULL)
    {
      add_placeholder (self, self->expiring_list, data->expiring_error);
      return;
    }
  if (list->len == 0)
    add_placeholder (self, self->expiring_list,
                     _ ("No certificate runs out in the next 60 days."));
  for (guint i = 0; i < list->len && i < MAX_ROWS; i++)
    {
      CrExpiringCertificate *c = g_ptr_array_index (list, i);
      g_autofree char       *uk = cr_date_iso_to_uk (c->expires_on);
      g_autofree char       *subtitle =
          c->state == CR_COURSE_EXPIRED
                    ? g_strdup_printf (_ ("%s: expired on %s"), c->course_title, uk)
                    : g_strdup_printf (_ ("%s: expires on %s"), c->course_title, uk);
      GtkWidget *row = new_row (c->person_name, subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "person-id",
                              g_memdup2 (&c->person_id, sizeof (gint64)),
                              g_free);
      add_tag (row, cr_course_state_get_label (c->state),
               c->state == CR_COURSE_EXPIRED ? "error" : "warning");
      queue_row (self, self->expiring_list, row);
    }
  if (list->len > MAX_ROWS)
    add_more (self, self->expiring_list, list->len - MAX_ROWS);
}

static void
fill_skills (CrTrainingPage *self, const TrainingData *data)
{
  GPtrArray *audit = data->skills;
  guint      gaps = 0;

  if (audit == NULL)
    {
      add_placeholder (self, self->skills_list, data->skills_error);
      return;
    }
  if (audit->len == 0)
    add_placeholder (self, self->skills_list,
                     _ ("No skills are wanted or recorded for this group "
                        "yet."));
  for (guint i = 0; i < audit->len; i++)
    {
      CrSkillAudit *s = g_ptr_array_index (audit, i);
      GtkWidget    *row = new_row (
             s->name, s->holders != NULL ? s->holders
                                         : _ ("Nobody in the group has it yet"));
      g_autofree char *tag = NULL;

      if (s->wanted > s->have)
        {
          gaps++;
          tag = g_strdup_printf (g_dngettext (NULL, "Gap: %u more wanted",
                                              "Gap: %u more wanted",
                                              s->wanted - s->have),
                                 s->wanted - s->have);
          add_tag (row, tag, "warning");
        }
      else if (s->wanted > 0)
        {
          tag = g_strdup_printf (_ ("Wanted %u, has %u"), s->wanted, s->have);
          add_tag (row, tag, "success");
        }
      else
        {
          tag = g_strdup_printf (
              g_dngettext (NULL, "%u member", "%u members", s->have), s->have);
          add_tag (row, tag, "dim-label");
        }
      queue_row (self, self->skills_list, row);
    }
  {
    g_autofree char *description =
        gaps == 0
            ? g_strdup (_ ("The skills the group wants, and who has them."))
            : g_strdup_printf (g_dngettext (NULL,
                                            "The skills the group wants, "
                                            "and who has them: %u gap.",
                                            "The skills the group wants, "
                                            "and who has them: %u gaps.",
                                            gaps),
                               gaps);

    adw_preferences_group_set_description (self->skills_group, description);
  }
}

static void
fill_courses (CrTrainingPage *self, const TrainingData *data)
{
  GPtrArray *courses = data->courses;
  GPtrArray *required = data->required;

  if (courses == NULL)
    {
      add_placeholder (self, self->courses_list, data->courses_error);
      return;
    }
  if (courses->len == 0)
    add_placeholder (self, self->courses_list,
                     _ ("No courses yet: add the ones the group’s "
                        "members take."));
  for (guint i = 0; i < courses->len; i++)
    {
      CrCourse        *c = g_ptr_array_index (courses, i);
      g_autofree char *cost = cr_money_format (c->cost);
      g_autofree char *validity =
          c->validity_months > 0
              ? g_strdup_printf (g_dngettext (NULL, "valid %u month",
                                              "valid %u months",
                                              c->validity_months),
                                 c->validity_months)
              : g_strdup (_ ("never expires"));
      GString   *subtitle = g_string_new (NULL);
      GtkWidget *row;

      g_string_append_printf (subtitle, "%s%s%s · %s",
                              c->provider ? c->provider : "",
                              c->provider ? " · " : "", validity, cost);
      /* The roles that need it, so the catalogue says why it is there. */
      for (guint j = 0; required != NULL && j < required->len; j++)
        {
          CrCourseRequirement *q = g_ptr_array_index (required, j);

          if (q->course_id != c->id)
            continue;
          g_string_append_printf (
              subtitle,
              q->group_name != NULL ? _ (" · needed by %s (%s)")
                                    : _ (" · needed by %s"),
              cr_role_get_label (q->role_kind, q->role), q->group_name);
        }
      row = new_row (c->title, subtitle->str);
      g_string_free (subtitle, TRUE);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "course",
                              g_memdup2 (&c->id, sizeof (gint64)), g_free);
      if (c->core)
        add_tag (row, _ ("Core"), "accent");
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          gtk_image_new_from_icon_name ("document-edit-symbolic"));
      queue_row (self, self->courses_list, row);
    }
}

static void
clear_lists (CrTrainingPage *self)
{
  stop_queue (self);
  g_ptr_array_set_size (self->queued, 0);
  clear_list (self->groups_list);
  clear_list (self->completion_list);
  clear_list (self->expiring_list);
  clear_list (self->skills_list);
  clear_list (self->courses_list);
  self->n_people = 0;
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (TrainingData) data = NULL;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer read (another group, an edit), another file or a closed
   * window: not ours to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  clear_lists (self);
  if (data == NULL)
    {
      g_warning ("Could not read the training records: %s", error->message);
      add_placeholder (self, self->completion_list, error->message);
    }
  else
    {
      fill_groups (self, data);
      fill_completion (self, data);
      fill_expiring (self, data);
      fill_skills (self, data);
      fill_courses (self, data);
      self->shown_group = data->group_id;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");
  if (self->queued->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Reads the page again in a worker. With @keep the lists shown stay until
 * the new ones are ready (after an edit made here, so the page doesn't
 * flash); otherwise a spinner takes their place (another group or file). */
static void
start_load (CrTrainingPage *self, gboolean keep)
{
  g_autoptr (GTask) task = NULL;
  LoadJob *job;
  gboolean was_loading = cr_training_page_get_loading (self);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      clear_lists (self);
      gtk_stack_set_visible_child_name (self->stack, "content");
      if (was_loading != cr_training_page_get_loading (self))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }
  if (!keep || self->shown_group != group_of (self))
    {
      self->shown_group = 0;
      clear_lists (self);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->cancellable = g_cancellable_new ();
  if (self->reader == NULL)
    self->reader = reader_new (cr_store_get_path (self->store));
  job = g_new0 (LoadJob, 1);
  job->reader = reader_ref (self->reader);
  job->group_id = group_of (self);
  job->on = cr_date_today_iso ();
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * cr_training_page_reload:
 *
 * Reads the page's lists again from the file, in a worker; the lists shown
 * stay until the new ones are ready.
 */
void
cr_training_page_reload (CrTrainingPage *self)
{
  g_return_if_fail (CR_IS_TRAINING_PAGE (self));

  start_load (self, TRUE);
}

/**
 * cr_training_page_get_loading:
 *
 * Returns: whether the page is reading the file
 */
gboolean
cr_training_page_get_loading (CrTrainingPage *self)
{
  g_return_val_if_fail (CR_IS_TRAINING_PAGE (self), FALSE);
  return self->cancellable != NULL || self->queued->len > 0;
}

/* ---- the course form --------------------------------------------------- */

static gboolean
parse_months (const char *text, guint *out, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  guint64          n = 0;

  if (*t == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (t, 10, 0, 600, &n, NULL))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("“%s” is not a number of months; leave it empty for a "
                      "course that never needs redoing."),
                   t);
      return FALSE;
    }
  *out = (guint) n;
  return TRUE;
}

/* The choices of the course form's core programme menu. */
enum
{
  CORE_NO = 0,
  CORE_HERE,
  CORE_EVERYWHERE,
};

static guint
core_choice (const CrCourse *course)
{
  if (course->core_everywhere)
    return CORE_EVERYWHERE;
  return course->core ? CORE_HERE : CORE_NO;
}

static void
course_response (AdwMessageDialog *form,
                 const char       *response,
                 CrTrainingPage   *self)
{
  gint64 *course = g_object_get_data (G_OBJECT (form), "course-id");
  guint   was =
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (form), "was-core"));
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();
  const char      *cost_text;
  guint            core;
  gint64           cost = 0, id;
  guint            months = 0;

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  cost_text = cr_form_get_text (form, "cost");
  core = cr_form_get_choice (form, "core");
  if (!parse_months (cr_form_get_text (form, "months"), &months, &error) ||
      (*cost_text != '\0' && !cr_money_parse (cost_text, &cost, &error)) ||
      !cr_store_begin (self->store, &error))
    goto fail;
  if (course != NULL)
    {
      id = *course;
      if (!cr_store_update_course (
              self->store, id, cr_form_get_text (form, "title"),
              cr_form_get_text (form, "provider"), months, cost, &error))
        goto rollback;
    }
  else if ((id = cr_store_add_course (self->store,
                                      cr_form_get_text (form, "title"),
                                      cr_form_get_text (form, "provider"),
                                      months, cost, &error)) == 0)
    goto rollback;
  /* Core here, everywhere, or nowhere, from today: each is a no-op when
   * it is so already. */
  if (core != was &&
      (!cr_store_set_course_core (self->store, id, group_of (self),
                                  core == CORE_HERE, today, &error) ||
       !cr_store_set_course_core (self->store, id, 0, core == CORE_EVERYWHERE,
                                  today, &error)))
    goto rollback;
  if (!cr_store_commit (self->store, &error))
    goto fail;
  cr_training_page_reload (self);
  return;

rollback:
  cr_store_rollback (self->store);
fail:
  cr_form_show_problem (GTK_WIDGET (self), _ ("The course was not saved"),
                        error->message);
}

static AdwMessageDialog *
course_form (CrTrainingPage *self, const CrCourse *course)
{
  AdwMessageDialog *form;
  g_autofree char  *name = group_name (self);
  g_autofree char  *months = NULL;
  g_autofree char  *cost = NULL;
  g_autofree char  *here = g_strdup_printf (_ ("For %s"), name);
  const char *const choices[] = { _ ("No"), here, _ ("For every group"), NULL };
  GtkWidget        *core;

  form = cr_form_new (
      GTK_WIDGET (self), course ? _ ("Edit Course") : _ ("Add Course"),
      course ? NULL
             : _ ("A course the group’s members can "
                  "take; core courses count towards "
                  "the training threshold."),
      "save", course ? _ ("_Save") : _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  if (course != NULL)
    {
      months = course->validity_months > 0
                   ? g_strdup_printf ("%u", course->validity_months)
                   : NULL;
      cost = cr_money_format (course->cost);
      g_object_set_data_full (G_OBJECT (form), "course-id",
                              g_memdup2 (&course->id, sizeof (gint64)), g_free);
      g_object_set_data (G_OBJECT (form), "was-core",
                         GUINT_TO_POINTER (core_choice (course)));
    }
  cr_form_add (form, "title", _ ("Title"),
               cr_form_entry (course ? course->title : NULL,
                              _ ("Induction for new members")));
  cr_form_add (
      form, "provider", _ ("Provider"),
      cr_form_entry (course ? course->provider : NULL, _ ("Who runs it")));
  cr_form_add (form, "months", _ ("Valid for (months)"),
               cr_form_entry (months, _ ("Never expires")));
  cr_form_add (form, "cost", _ ("Cost of a place"),
               cr_form_entry (cost, "£0.00"));
  core = gtk_drop_down_new_from_strings (choices);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (core),
                              course != NULL ? core_choice (course) : CORE_NO);
  cr_form_add (form, "core", _ ("Part of the core programme"), core);
  g_signal_connect_object (form, "response", G_CALLBACK (course_response), self,
                           0);
  return form;
}

static void
add_course_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (course_form (self, NULL)));
}

static void
course_row_activated (CrTrainingPage *self, GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "course");
  g_autoptr (GPtrArray) courses = NULL;
  g_autofree char *today = cr_date_today_iso ();

  if (id == NULL || self->store == NULL)
    return;
  courses = cr_store_list_courses (self->store, group_of (self), today, NULL);
  for (guint i = 0; courses != NULL && i < courses->len; i++)
    {
      CrCourse *c = g_ptr_array_index (courses, i);

      if (c->id == *id)
        gtk_window_present (GTK_WINDOW (course_form (self, c)));
    }
}

static void
person_row_activated (CrTrainingPage *self, GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "person-id");

  if (id != NULL && self->store != NULL)
    cr_person_training_show (GTK_WIDGET (self), self->store, *id);
}

/* ---- skills wanted ----------------------------------------------------- */

static void
want_skill_response (AdwMessageDialog *form,
                     const char       *response,
                     CrTrainingPage   *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint64          wanted = 0;
  gint64           skill;

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  text = g_strstrip (g_strdup (cr_form_get_text (form, "wanted")));
  if (!g_ascii_string_to_unsigned (text, 10, 0, 1000, &wanted, NULL))
    {
      g_autofree char *message =
          g_strdup_printf (_ ("“%s” is not a number of people; 0 stops asking "
                              "for the skill."),
                           text);

      cr_form_show_problem (GTK_WIDGET (self), _ ("The skill was not saved"),
                            message);
      return;
    }
  if (!cr_store_begin (self->store, &error) ||
      (skill = cr_store_ensure_skill (
           self->store, cr_form_get_text (form, "skill"), &error)) == 0 ||
      !cr_store_set_group_skill (self->store, group_of (self), skill,
                                 (guint) wanted, &error) ||
      !cr_store_commit (self->store, &error))
    {
      cr_store_rollback (self->store);
      cr_form_show_problem (GTK_WIDGET (self), _ ("The skill was not saved"),
                            error->message);
      return;
    }
  cr_training_page_reload (self);
}

static void
want_skill_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrTrainingPage   *self = CR_TRAINING_PAGE (widget);
  g_autofree char  *name = NULL;
  g_autofree char  *body = NULL;
  AdwMessageDialog *form;

  if (self->store == NULL)
    return;
  name = group_name (self);
  body = g_strdup_printf (_ ("A skill %s wants among its members, and how many "
                             "people should have it."),
                          name);
  form = cr_form_new (GTK_WIDGET (self), _ ("Want a Skill"), body, "save",
                      _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "skill", _ ("Skill"),
               cr_form_entry (NULL, _ ("Chairing, minute taking, finance…")));
  cr_form_add (form, "wanted", _ ("People wanted"), cr_form_entry ("1", NULL));
  g_signal_connect_object (form, "response", G_CALLBACK (want_skill_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* ---- record a session -------------------------------------------------- */

static const CrTrainingStatus session_statuses[] = {
  CR_TRAINING_COMPLETED,
  CR_TRAINING_ATTENDED,
  CR_TRAINING_BOOKED,
  CR_TRAINING_DID_NOT_ATTEND,
};

static void
session_response (AdwMessageDialog *form,
                  const char       *response,
                  CrTrainingPage   *self)
{
  GArray    *course_ids = g_object_get_data (G_OBJECT (form), "course-ids");
  GArray    *person_ids = g_object_get_data (G_OBJECT (form), "person-ids");
  GPtrArray *checks = g_object_get_data (G_OBJECT (form), "checks");
  g_autoptr (GArray) there = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  guint            course = cr_form_get_choice (form, "course");
  guint            status = cr_form_get_choice (form, "status");
  guint            n;

  if (!g_str_equal (response, "record") || self->store == NULL)
    return;
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_array_append_val (there, g_array_index (person_ids, gint64, i));
  if (course >= course_ids->len)
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("Nothing was recorded"),
                            _ ("Add the course to the catalogue first."));
      return;
    }
  if (!cr_form_get_date (form, "date", TRUE, &date, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("Nothing was recorded"),
                            error->message);
      return;
    }
  n = cr_store_record_session (
      self->store, g_array_index (course_ids, gint64, course), date,
      session_statuses[MIN (status, 3)], there, &error);
  if (n == 0)
    {
      cr_form_show_problem (GTK_WIDGET (self), _ ("Nothing was recorded"),
                            error->message);
      return;
    }
  cr_training_page_reload (self);
}

static void
search_changed (GtkSearchEntry *entry, GtkListBox *list)
{
  gtk_list_box_invalidate_filter (list);
}

static gboolean
filter_attendee (GtkListBoxRow *row, gpointer user_data)
{
  GtkEditable     *entry = user_data;
  const char      *text = gtk_editable_get_text (entry);
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  GtkWidget       *check = gtk_list_box_row_get_child (row);

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)),
                          -1);
  return strstr (name, needle) != NULL;
}

typedef struct
{
  GtkListBox *list;
  GPtrArray  *checks;
  GArray     *ids;
} Attendees;

static gboolean
add_attendee (const CrTrainingRow *row, gpointer user_data)
{
  Attendees *a = user_data;
  GtkWidget *check = gtk_check_button_new_with_label (row->name);

  gtk_list_box_append (a->list, check);
  g_ptr_array_add (a->checks, check);
  g_array_append_val (a->ids, row->person_id);
  return a->ids->len < MAX_ATTENDEES;
}

/**
 * cr_training_page_record_session_dialog:
 *
 * Opens "Record a Session…": pick a course and a date, tick who was
 * there among the group's members.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWidget *
cr_training_page_record_session_dialog (CrTrainingPage *self)
{
  AdwMessageDialog *form;
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  g_autofree char  *today = cr_date_today_iso ();
  const char *const statuses[] = { _ ("Completed"), _ ("Attended"),
                                   _ ("Booked"), _ ("Did not attend"), NULL };
  GArray           *course_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray           *person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray        *checks = g_ptr_array_new ();
  GtkWidget        *search, *scrolled, *list, *box;
  Attendees         a;

  g_return_val_if_fail (CR_IS_TRAINING_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  form = cr_form_new (GTK_WIDGET (self), _ ("Record a Session"),
                      _ ("Everyone ticked is recorded at once."), "record",
                      _ ("_Record"), ADW_RESPONSE_SUGGESTED);
  courses = cr_store_list_courses (self->store, group_of (self), today, NULL);
  for (guint i = 0; courses != NULL && i < courses->len; i++)
    {
      CrCourse *c = g_ptr_array_index (courses, i);

      g_ptr_array_add (titles, c->title);
      g_array_append_val (course_ids, c->id);
    }
  g_ptr_array_add (titles, NULL);
  cr_form_add (
      form, "course", _ ("Course"),
      gtk_drop_down_new_from_strings ((const char *const *) titles->pdata));
  cr_form_add (form, "date", _ ("Date"), cr_form_date_entry ());
  cr_form_add (form, "status", _ ("Record them as"),
               gtk_drop_down_new_from_strings (statuses));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  search = gtk_search_entry_new ();
  /* The property, as its setter is GTK 4.10. */
  g_object_set (search, "placeholder-text", _ ("Find a member"), NULL);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), filter_attendee, search,
                                NULL);
  g_signal_connect_object (search, "search-changed",
                           G_CALLBACK (search_changed), list, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);
  cr_form_add (form, "attendees", _ ("Who was there"), box);

  a = (Attendees){ GTK_LIST_BOX (list), checks, person_ids };
  cr_store_foreach_training_row (self->store, group_of (self), today,
                                 add_attendee, &a, NULL);
  g_object_set_data (G_OBJECT (form), "list", list);
  g_object_set_data_full (G_OBJECT (form), "course-ids", course_ids,
                          (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (form), "person-ids", person_ids,
                          (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (form), "checks", checks,
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (form, "response", G_CALLBACK (session_response),
                           self, 0);
  gtk_window_set_default_size (GTK_WINDOW (form), 480, -1);
  gtk_window_present (GTK_WINDOW (form));
  return GTK_WIDGET (form);
}

static void
record_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (widget);

  if (self->store != NULL)
    cr_training_page_record_session_dialog (self);
}

/* ---- required courses --------------------------------------------------- */

/**
 * cr_training_page_required_courses_dialog:
 *
 * Opens "Required Courses…": each role with the courses it requires, to
 * add and remove. The page reads the file again after each change.
 *
 * Returns: (transfer none): the window, shown
 */
GtkWidget *
cr_training_page_required_courses_dialog (CrTrainingPage *self)
{
  CrRequiredCourses *dialog;

  g_return_val_if_fail (CR_IS_TRAINING_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  dialog = cr_required_courses_new (GTK_WIDGET (self), self->store);
  g_signal_connect_object (dialog, "changed",
                           G_CALLBACK (cr_training_page_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
required_courses_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (widget);

  if (self->store != NULL)
    cr_training_page_required_courses_dialog (self);
}

/* ---- the class --------------------------------------------------------- */

void
cr_training_page_set_store (CrTrainingPage *self, CrStore *store)
{
  g_return_if_fail (CR_IS_TRAINING_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  /* Another file: nothing of the last one stays on screen, and its
   * connection goes once no read needs it. */
  self->shown_group = 0;
  g_clear_pointer (&self->reader, reader_unref);
  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_load (self, FALSE);
}

void
cr_training_page_set_group_id (CrTrainingPage *self, gint64 group_id)
{
  g_return_if_fail (CR_IS_TRAINING_PAGE (self));

  if (self->group_id == group_id)
    return;
  self->group_id = group_id;
  /* A read of the group before is given up: its lists must not land. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || self->cancellable != NULL)
    start_load (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_ID]);
}

gint64
cr_training_page_get_group_id (CrTrainingPage *self)
{
  g_return_val_if_fail (CR_IS_TRAINING_PAGE (self), 0);
  return self->group_id;
}

/**
 * cr_training_page_get_n_people:
 *
 * Returns: how many members the completion list was read for
 */
guint
cr_training_page_get_n_people (CrTrainingPage *self)
{
  g_return_val_if_fail (CR_IS_TRAINING_PAGE (self), 0);
  return self->n_people;
}

static void
cr_training_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cr_training_page_parent_class)->map (widget);
  /* Read when shown: other pages may have changed members or roles. The
   * lists of the same group stay meanwhile. */
  start_load (CR_TRAINING_PAGE (widget), TRUE);
}

static void
cr_training_page_unmap (GtkWidget *widget)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (widget);

  /* Hidden, the rows cost nothing to add: no frames to wait for. */
  stop_queue (self);
  add_queued_rows (self, G_MAXUINT);
  GTK_WIDGET_CLASS (cr_training_page_parent_class)->unmap (widget);
  if (self->cancellable == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cr_training_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        g_value_set_int64 (value, self->group_id);
        break;
      case PROP_LOADING:
        g_value_set_boolean (value, cr_training_page_get_loading (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_training_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        cr_training_page_set_group_id (self, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_training_page_dispose (GObject *object)
{
  CrTrainingPage *self = CR_TRAINING_PAGE (object);

  GtkWidget *child;

  /* The worker finishes on its own connection; its result is dropped. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_queue (self);
  g_clear_pointer (&self->queued, g_ptr_array_unref);
  g_clear_pointer (&self->reader, reader_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_TRAINING_PAGE);
  /* The stack at the top of the template is not bound. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cr_training_page_parent_class)->dispose (object);
}

static void
cr_training_page_class_init (CrTrainingPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_training_page_dispose;
  object_class->get_property = cr_training_page_get_property;
  object_class->set_property = cr_training_page_set_property;
  widget_class->map = cr_training_page_map;
  widget_class->unmap = cr_training_page_unmap;

  properties[PROP_GROUP_ID] = g_param_spec_int64 (
      "group-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
      g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/cr-training-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrTrainingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrTrainingPage,
                                        completion_group);
  gtk_widget_class_bind_template_child (widget_class, CrTrainingPage,
                                        skills_group);
  gtk_widget_class_bind_template_child (widget_class, CrTrainingPage,
                                        groups_list);
  gtk_widget_class_bind_template_child (widget_class, CrTrainingPage,
                                        completion_list);
  gtk_widget_class_bind_template_child (widget_class, CrTrainingPage,
                                        expiring_list);
  gtk_widget_class_bind_template_child (widget_class, CrTrainingPage,
                                        skills_list);
  gtk_widget_class_bind_template_child (widget_class, CrTrainingPage,
                                        courses_list);
  gtk_widget_class_bind_template_callback (widget_class, person_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, course_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, group_row_activated);
  gtk_widget_class_install_action (widget_class, "training.record-session",
                                   NULL, record_session_action);
  gtk_widget_class_install_action (widget_class, "training.want-skill", NULL,
                                   want_skill_action);
  gtk_widget_class_install_action (widget_class, "training.add-course", NULL,
                                   add_course_action);
  gtk_widget_class_install_action (widget_class, "training.required-courses",
                                   NULL, required_courses_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cr_training_page_init (CrTrainingPage *self)
{
  self->queued = g_ptr_array_new_with_free_func (queued_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
