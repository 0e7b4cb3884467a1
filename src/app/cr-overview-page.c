/* cr-overview-page.c: what needs doing now, the next meeting, recent
 * decisions and open actions
 *
 * The first page of an open file, for the group chosen in the window's
 * switcher (or every group): the rules engine's items, most overdue
 * first, a few of them with "See All" leading to Needs Attention; the
 * next planned meeting with the deadlines its terms of reference set
 * (papers by, agenda items by, an AGM's notice); the latest decisions;
 * the actions still open. Every row opens what it is about, through the
 * page's signals, which the window turns into its own pages. A new file
 * shows what to do first instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-overview-page.h"

#include "cr-attention-page.h"
#include "cr-date.h"
#include "cr-rules.h"
#include "cr-store-overview.h"
#include "cr-store-rules.h"

#include <glib/gi18n.h>

/* How many of each list the Overview shows; the rest are a page away. */
#define ATTENTION_SHOWN 5
#define DECISIONS_SHOWN 5
#define ACTIONS_SHOWN   6

typedef enum
{
  TARGET_NONE = 0,
  TARGET_PERSON,
  TARGET_MEETING,
  TARGET_GROUP,
  TARGET_PAGE_ACTIONS,
} Target;

struct _CrOverviewPage
{
  GtkWidget parent_instance;

  CrStore      *store;
  gint64        group_id;
  guint         n_attention;
  GCancellable *cancellable; /* the rules check under way, or NULL */
  gint64        next_meeting_id;
  guint         reload_source;

  GtkStack            *stack;
  AdwPreferencesGroup *attention_group;
  GtkButton           *see_all_button;
  GtkListBox          *attention_list;
  AdwPreferencesGroup *next_group;
  GtkListBox          *next_list;
  GtkListBox          *decisions_list;
  GtkListBox          *actions_list;
};

G_DEFINE_FINAL_TYPE (CrOverviewPage, cr_overview_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_GROUP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SHOW_PERSON,
  SHOW_MEETING,
  SHOW_GROUP,
  SHOW_PAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row that opens @target @id when activated; @target NONE is a quiet,
 * inactive line ("Nothing planned"). */
static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle,
         const char *suffix,
         Target      target,
         gint64      id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
    }
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (target != TARGET_NONE)
    {
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "target", GINT_TO_POINTER (target));
      g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&id, sizeof id),
                              g_free);
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
    }
  gtk_list_box_append (list, row);
  return row;
}

static void
row_activated (CrOverviewPage *self, GtkListBoxRow *row)
{
  Target target =
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "target"));
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  if (id == NULL)
    return;
  switch (target)
    {
      case TARGET_PERSON:
        g_signal_emit (self, signals[SHOW_PERSON], 0, *id);
        break;
      case TARGET_MEETING:
        g_signal_emit (self, signals[SHOW_MEETING], 0, *id);
        break;
      case TARGET_GROUP:
        g_signal_emit (self, signals[SHOW_GROUP], 0, *id);
        break;
      case TARGET_PAGE_ACTIONS:
        g_signal_emit (self, signals[SHOW_PAGE], 0, "actions");
        break;
      case TARGET_NONE:
      default:
        break;
    }
}

static void
see_all_clicked (CrOverviewPage *self)
{
  g_signal_emit (self, signals[SHOW_PAGE], 0, "attention");
}

/* Lower is more urgent: what a meeting or the council is waiting for
 * comes before the slower business of terms and old actions. */
static guint
urgency (const char *rule)
{
  static const char *const order[] = {
    "agm-notice",        "agm-due",          "papers-late",
    "agenda-late",       "election-due",     "quorum",
    "minutes-overdue",   "grant-report-due", "lapse",
    "max-members",       "chair-term",       "term",
    "meeting-frequency", "training",
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (order[i], rule) == 0)
      return i;
  /* Overdue actions, and any rule a later record book adds. */
  return G_N_ELEMENTS (order);
}

static int
by_urgency (gconstpointer a, gconstpointer b)
{
  const CrAttentionItem *x = *(CrAttentionItem **) a;
  const CrAttentionItem *y = *(CrAttentionItem **) b;
  guint                  ux = urgency (x->rule), uy = urgency (y->rule);

  if (ux != uy)
    return ux < uy ? -1 : 1;
  /* Then the most recent first: the longest overdue is often history. */
  return -g_strcmp0 (x->date, y->date);
}

static Target
target_of (const CrAttentionItem *item)
{
  switch (item->subject_kind)
    {
      case CR_ATTENTION_PERSON:
        return TARGET_PERSON;
      case CR_ATTENTION_MEETING:
        return TARGET_MEETING;
      case CR_ATTENTION_GROUP:
        return TARGET_GROUP;
      case CR_ATTENTION_ACTION:
      default:
        return TARGET_PAGE_ACTIONS;
    }
}

/* The rules check reads every group's records, a second or two on a
 * federation-sized file: it runs in a thread, on its own read-only
 * connection, so the window stays responsive. */
typedef struct
{
  char  *path;
  gint64 group_id;
  char  *today;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_free (job->path);
  g_free (job->today);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  GPtrArray *items;

  store = cr_store_open (job->path, CR_STORE_OPEN_CHECKED, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = cr_store_check (store, job->group_id, job->today, &error);
  cr_store_close (store);
  if (items == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
show_attention (CrOverviewPage *self, GPtrArray *items, const GError *error)
{
  g_autofree char *title = NULL;

  clear_list (self->attention_list);
  if (items == NULL)
    {
      g_warning ("Could not check the rules: %s", error->message);
      add_row (self->attention_list, _ ("The rules could not be checked"),
               error->message, NULL, TARGET_NONE, 0);
      return;
    }
  g_ptr_array_sort (items, by_urgency);
  for (guint i = 0; i < items->len && i < ATTENTION_SHOWN; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);
      g_autofree char *when = cr_date_iso_to_uk (item->date);
      g_autofree char *row_title = g_strdup_printf (
          "%s: %s", cr_attention_rule_title (item->rule), item->subject);

      add_row (self->attention_list, row_title, item->detail, when,
               target_of (item), item->subject_id);
    }
  if (items->len == 0)
    add_row (self->attention_list, _ ("All in order"),
             _ ("Every group is keeping its terms of reference."), NULL,
             TARGET_NONE, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->see_all_button),
                          items->len > ATTENTION_SHOWN);
  title = g_strdup_printf (_ ("See All %u"), items->len);
  gtk_button_set_label (self->see_all_button, title);
  self->n_attention = items->len;
  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrOverviewPage *self = CR_OVERVIEW_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer check, another file or a closed window: not ours to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  show_attention (self, items, error);
}

static void
start_check (CrOverviewPage *self, const char *today)
{
  CheckJob *job = g_new0 (CheckJob, 1);
  g_autoptr (GTask) task = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->path = g_strdup (cr_store_get_path (self->store));
  job->group_id = self->group_id;
  job->today = g_strdup (today);
  add_row (self->attention_list, _ ("Checking the rules…"), NULL, NULL,
           TARGET_NONE, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->see_all_button), FALSE);
  task = g_task_new (self, self->cancellable, check_done, NULL);
  g_task_set_task_data (task, job, check_job_free);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
fill_next (CrOverviewPage *self, const char *today)
{
  g_autoptr (CrNextMeeting) next = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  GString         *where = NULL;
  g_autofree char *subtitle = NULL;
  struct
  {
    const char *iso;
    const char *label;
    const char *done;
  } deadlines[3];

  self->next_meeting_id = 0;
  next = cr_store_get_next_meeting (self->store, self->group_id, today, &error);
  if (next == NULL)
    {
      if (error != NULL)
        g_warning ("Could not read the next meeting: %s", error->message);
      add_row (self->next_list, _ ("No meeting planned"),
               _ ("Plan the next one on the Meetings page."), NULL, TARGET_NONE,
               0);
      return FALSE;
    }
  self->next_meeting_id = next->id;

  when = cr_date_iso_to_uk (next->date);
  if (g_strcmp0 (next->kind, "agm") == 0)
    title =
        g_strdup_printf (_ ("Annual general meeting of %s"), next->group_name);
  else
    title = g_strdup_printf (_ ("%s meeting"), next->group_name);
  where = g_string_new (when);
  if (next->start_time != NULL)
    g_string_append_printf (where, _ (" at %s"), next->start_time);
  if (next->venue != NULL)
    g_string_append_printf (where, " · %s", next->venue);
  subtitle = g_string_free (where, FALSE);
  add_row (self->next_list, title, subtitle, NULL, TARGET_MEETING, next->id);

  deadlines[0].iso = next->papers_by;
  deadlines[0].label = _ ("Papers out by");
  deadlines[0].done = next->papers_sent_on;
  deadlines[1].iso = next->agenda_by;
  deadlines[1].label = _ ("Agenda items in by");
  deadlines[1].done = NULL;
  deadlines[2].iso = next->notice_by;
  deadlines[2].label = _ ("Notice to residents by");
  deadlines[2].done = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
    {
      g_autofree char *by = NULL;
      g_autofree char *note = NULL;
      g_autofree char *sent = NULL;
      int              days;
      GDate            a, b;

      if (deadlines[i].iso == NULL)
        continue;
      by = cr_date_iso_to_uk (deadlines[i].iso);
      cr_date_parse_iso (today, &a);
      cr_date_parse_iso (deadlines[i].iso, &b);
      days = g_date_days_between (&a, &b);
      if (deadlines[i].done != NULL)
        {
          sent = cr_date_iso_to_uk (deadlines[i].done);
          note = g_strdup_printf (_ ("Done on %s"), sent);
        }
      else if (days < 0 && i == 1)
        /* Nothing to send: the window for new items has closed. */
        note = g_strdup (_ ("Closed"));
      else if (days < 0)
        note = g_strdup (_ ("Overdue"));
      else if (days == 0)
        note = g_strdup (_ ("Today"));
      else
        note = g_strdup_printf (
            g_dngettext (NULL, "In %d day", "In %d days", days), days);
      {
        g_autofree char *line =
            g_strdup_printf ("%s %s", deadlines[i].label, by);
        GtkWidget *row = add_row (self->next_list, line, NULL, note,
                                  TARGET_MEETING, next->id);

        if (deadlines[i].done == NULL && days < 0 && i != 1)
          gtk_widget_add_css_class (row, "error");
      }
    }
  return TRUE;
}

static guint
fill_decisions (CrOverviewPage *self, const char *today)
{
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (GError) error = NULL;

  decisions = cr_store_list_recent_decisions (self->store, self->group_id,
                                              today, DECISIONS_SHOWN, &error);
  if (decisions == NULL)
    {
      g_warning ("Could not read the decisions: %s", error->message);
      return 0;
    }
  for (guint i = 0; i < decisions->len; i++)
    {
      CrRecentDecision *d = g_ptr_array_index (decisions, i);
      g_autofree char  *when = cr_date_iso_to_uk (d->meeting_date);
      g_autofree char  *subtitle = NULL;
      const char       *outcome =
          g_strcmp0 (d->outcome, "carried") == 0    ? _ ("Carried")
                : g_strcmp0 (d->outcome, "defeated") == 0 ? _ ("Defeated")
                : g_strcmp0 (d->outcome, "tied") == 0     ? _ ("Tied")
                                                          : _ ("Agreed");

      if (d->quorate)
        subtitle =
            g_strdup_printf ("%s · %s · %s", d->group_name, d->item, outcome);
      else
        subtitle = g_strdup_printf (_ ("%s · %s · %s, to be ratified"),
                                    d->group_name, d->item, outcome);
      add_row (self->decisions_list, d->text, subtitle, when, TARGET_MEETING,
               d->meeting_id);
    }
  if (decisions->len == 0)
    add_row (self->decisions_list, _ ("No decisions recorded yet"), NULL, NULL,
             TARGET_NONE, 0);
  return decisions->len;
}

static guint
fill_actions (CrOverviewPage *self, const char *today)
{
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GError) error = NULL;

  actions = cr_store_list_open_actions (self->store, self->group_id,
                                        ACTIONS_SHOWN, &error);
  if (actions == NULL)
    {
      g_warning ("Could not read the actions: %s", error->message);
      return 0;
    }
  for (guint i = 0; i < actions->len; i++)
    {
      CrOpenAction    *a = g_ptr_array_index (actions, i);
      g_autofree char *due =
          a->due_date ? cr_date_iso_to_uk (a->due_date) : NULL;
      g_autofree char *suffix = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget       *row;

      if (due != NULL)
        suffix = g_strdup_printf (_ ("Due %s"), due);
      subtitle = g_strdup_printf ("%s · %s", a->group_name,
                                  a->owner ? a->owner : _ ("No one yet"));
      /* The person who owns it, or else the meeting that set it. */
      row = add_row (self->actions_list, a->description, subtitle, suffix,
                     a->owner_person_id ? TARGET_PERSON : TARGET_MEETING,
                     a->owner_person_id ? a->owner_person_id : a->meeting_id);
      if (a->due_date != NULL && g_strcmp0 (a->due_date, today) < 0)
        gtk_widget_add_css_class (row, "error");
    }
  if (actions->len == 0)
    add_row (self->actions_list, _ ("No open actions"), NULL, NULL, TARGET_NONE,
             0);
  return actions->len;
}

/**
 * cr_overview_page_reload:
 *
 * Reads everything the page shows again, for today.
 */
void
cr_overview_page_reload (CrOverviewPage *self)
{
  g_autofree char *today = cr_date_today_iso ();
  guint            decisions, actions;
  gboolean         next;

  g_return_if_fail (CR_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  clear_list (self->attention_list);
  clear_list (self->next_list);
  clear_list (self->decisions_list);
  clear_list (self->actions_list);
  self->n_attention = 0;
  self->next_meeting_id = 0;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  start_check (self, today);
  next = fill_next (self, today);
  decisions = fill_decisions (self, today);
  actions = fill_actions (self, today);
  /* A new file: say what to do first rather than four empty lists (the
   * check shows the lists if it finds anything). */
  gtk_stack_set_visible_child_name (
      self->stack, next || decisions || actions ? "content" : "empty");
}

static gboolean
reload_idle (gpointer data)
{
  CrOverviewPage *self = data;

  self->reload_source = 0;
  cr_overview_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
cr_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrOverviewPage *self = CR_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        g_value_set_int64 (value, self->group_id);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrOverviewPage *self = CR_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        cr_overview_page_set_group_id (self, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_overview_page_dispose (GObject *object)
{
  CrOverviewPage *self = CR_OVERVIEW_PAGE (object);
  GtkWidget      *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_OVERVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cr_overview_page_parent_class)->dispose (object);
}

static void
cr_overview_page_class_init (CrOverviewPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_overview_page_dispose;
  object_class->get_property = cr_overview_page_get_property;
  object_class->set_property = cr_overview_page_set_property;

  properties[PROP_GROUP_ID] = g_param_spec_int64 (
      "group-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_PERSON] =
      g_signal_new ("show-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SHOW_MEETING] = g_signal_new (
      "show-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
      NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SHOW_GROUP] =
      g_signal_new ("show-group", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SHOW_PAGE] =
      g_signal_new ("show-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/cr-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrOverviewPage,
                                        attention_group);
  gtk_widget_class_bind_template_child (widget_class, CrOverviewPage,
                                        see_all_button);
  gtk_widget_class_bind_template_child (widget_class, CrOverviewPage,
                                        attention_list);
  gtk_widget_class_bind_template_child (widget_class, CrOverviewPage,
                                        next_group);
  gtk_widget_class_bind_template_child (widget_class, CrOverviewPage,
                                        next_list);
  gtk_widget_class_bind_template_child (widget_class, CrOverviewPage,
                                        decisions_list);
  gtk_widget_class_bind_template_child (widget_class, CrOverviewPage,
                                        actions_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, see_all_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cr_overview_page_init (CrOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cr_overview_page_set_store:
 * @store: (nullable): the open file
 *
 * The page reads the file once the window has shown: the rules check of
 * a large file takes a moment, and opening it must not wait for it.
 */
void
cr_overview_page_set_store (CrOverviewPage *self, CrStore *store)
{
  g_return_if_fail (CR_IS_OVERVIEW_PAGE (self));

  g_set_object (&self->store, store);
  if (store == NULL)
    cr_overview_page_reload (self);
  else if (self->reload_source == 0)
    self->reload_source =
        g_idle_add_full (G_PRIORITY_LOW, reload_idle, self, NULL);
}

gint64
cr_overview_page_get_group_id (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), 0);
  return self->group_id;
}

/**
 * cr_overview_page_set_group_id:
 * @group_id: the group to show, or 0 for every group
 */
void
cr_overview_page_set_group_id (CrOverviewPage *self, gint64 group_id)
{
  g_return_if_fail (CR_IS_OVERVIEW_PAGE (self));

  if (self->group_id == group_id)
    return;
  self->group_id = group_id;
  if (self->store != NULL)
    cr_overview_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_ID]);
}

/**
 * cr_overview_page_get_n_attention:
 *
 * Returns: how many items need attention in all (more may be shown on
 *   Needs Attention than here)
 */
guint
cr_overview_page_get_n_attention (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), 0);
  return self->n_attention;
}

/**
 * cr_overview_page_get_next_meeting_id:
 *
 * Returns: the meeting shown as the next one, or 0
 */
gint64
cr_overview_page_get_next_meeting_id (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), 0);
  return self->next_meeting_id;
}

/**
 * cr_overview_page_activate_attention:
 * @index: a shown attention row, from 0
 *
 * Opens what the row is about, as a click would.
 *
 * Returns: %FALSE if there is no such row
 */
gboolean
cr_overview_page_activate_attention (CrOverviewPage *self, guint index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->attention_list, (int) index);
  if (row == NULL || !gtk_list_box_row_get_activatable (row))
    return FALSE;
  row_activated (self, row);
  return TRUE;
}

/**
 * cr_overview_page_is_checking:
 *
 * Returns: whether the rules check is still running (or about to)
 */
gboolean
cr_overview_page_is_checking (CrOverviewPage *self)
{
  g_return_val_if_fail (CR_IS_OVERVIEW_PAGE (self), FALSE);
  return self->cancellable != NULL || self->reload_source != 0;
}
