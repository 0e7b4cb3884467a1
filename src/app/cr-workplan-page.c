/* cr-workplan-page.c: a group's work plan and its service reviews
 *
 * The plan view lists the year's priorities, each with its resident lead,
 * staff contact, status and six-monthly review date, and the year's
 * service reviews with how far each has gone. A review opens in the same
 * page: its stages as a checklist with their dates (late ones marked),
 * the requests made to managers with their deadlines (overdue ones
 * marked), and its recommendations with management's response, the
 * action that delivers each and its impact assessment. Every change goes
 * through a small form (cr-form.c) and the store, which says in a
 * sentence why it refuses one; the rows are then read again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-workplan-page.h"

#include "cr-date.h"
#include "cr-confirm-delete.h"
#include "cr-form.h"
#include "cr-group.h"
#include "cr-person.h"
#include "cr-print-operation.h"
#include "cr-print-review.h"
#include "cr-store-people.h"
#include "cr-store-workplan.h"
#include "cr-workplan.h"

#include <glib/gi18n.h>
#include <string.h>

struct _CrWorkplanPage
{
  GtkWidget parent_instance;

  CrStore   *store;
  GPtrArray *groups;       /* of CrGroup, as in the drop-down */
  GPtrArray *priorities;   /* of CrPriority, as shown */
  GPtrArray *reviews;      /* of CrReview, as shown */
  GArray    *members;      /* person ids for the lead drop-down */
  gint64     review_id;    /* the review shown, or 0 */
  gint64     wanted_group; /* the window's group switcher's, or 0 */
  gboolean   filling;

  GtkDropDown   *group_dropdown;
  GtkSpinButton *year_spin;
  GtkStack      *stack;
  GtkBox        *plan_box;
  GtkBox        *review_box;
  GtkWidget     *back_button;
  GtkWidget     *review_print_button;
  GtkWidget     *review_save_button;
};

G_DEFINE_FINAL_TYPE (CrWorkplanPage, cr_workplan_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_GROUP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
current_group (CrWorkplanPage *self)
{
  guint i = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->groups == NULL || i >= self->groups->len)
    return 0;
  return cr_group_get_id (g_ptr_array_index (self->groups, i));
}

static guint
current_year (CrWorkplanPage *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->year_spin);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
status_label (const char *text, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         GtkWidget           *suffix,
         gboolean             activatable)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
    }
  if (suffix != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  if (activatable)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  adw_preferences_group_add (group, row);
  return row;
}

static AdwPreferencesGroup *
new_group (GtkBox *box, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           description);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* A flat button at the right of a group's heading. */
static GtkWidget *
header_button (AdwPreferencesGroup *group,
               const char          *label,
               const char          *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  if (action != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

static void show_plan (CrWorkplanPage *self);
static void show_review (CrWorkplanPage *self);

/* A flat bin button that runs @action on the record @id. */
static GtkWidget *
delete_button (const char *tooltip, const char *action, gint64 id)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (id));
  return button;
}

/* @status with the bin after it, before the row's chevron. */
static GtkWidget *
with_delete (GtkWidget  *status,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), delete_button (tooltip, action, id));
  return box;
}

static void
problem (CrWorkplanPage *self, const char *heading, GError *error)
{
  cr_form_show_problem (GTK_WIDGET (self), heading, error->message);
}

/* ---- priorities --------------------------------------------------------- */

static GtkWidget *
choices (const char *const *labels)
{
  return gtk_drop_down_new_from_strings (labels);
}

static void
priority_response (AdwMessageDialog *form,
                   const char       *response,
                   CrWorkplanPage   *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *review_on = NULL;
  CrPriority      *old = g_object_get_data (G_OBJECT (form), "priority");
  CrPriority       p = { 0 };
  guint            lead;

  if (g_str_equal (response, "remove") && old != NULL && self->store != NULL)
    {
      if (!cr_store_delete_priority (self->store, old->id, &error))
        problem (self, _ ("The Priority Was Not Removed"), error);
      show_plan (self);
      return;
    }
  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  if (!cr_form_get_date (form, "review", FALSE, &review_on, &error))
    {
      problem (self, _ ("The Priority Was Not Saved"), error);
      return;
    }
  p.id = old != NULL ? old->id : 0;
  p.group_id = old != NULL ? old->group_id : current_group (self);
  p.year = old != NULL ? old->year : current_year (self);
  p.title = (char *) cr_form_get_text (form, "title");
  p.staff_contact = (char *) cr_form_get_text (form, "staff");
  p.outputs = (char *) cr_form_get_text (form, "outputs");
  p.status = (CrPriorityStatus) cr_form_get_choice (form, "status");
  p.review_on = review_on;
  lead = cr_form_get_choice (form, "lead");
  if (lead > 0 && self->members != NULL && lead <= self->members->len)
    p.lead_person_id = g_array_index (self->members, gint64, lead - 1);

  if (old != NULL ? !cr_store_update_priority (self->store, &p, &error)
                  : cr_store_add_priority (self->store, &p, &error) == 0)
    {
      problem (self, _ ("The Priority Was Not Saved"), error);
      return;
    }
  show_plan (self);
}

static void
edit_priority (CrWorkplanPage *self, CrPriority *priority)
{
  const char *statuses[] = {
    cr_priority_status_get_label (CR_PRIORITY_NOT_STARTED),
    cr_priority_status_get_label (CR_PRIORITY_ON_TRACK),
    cr_priority_status_get_label (CR_PRIORITY_AT_RISK),
    cr_priority_status_get_label (CR_PRIORITY_DONE),
    cr_priority_status_get_label (CR_PRIORITY_DROPPED),
    NULL,
  };
  g_autoptr (GPtrArray) leads = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char  *today = cr_date_today_iso ();
  g_autofree char  *review_on = NULL;
  AdwMessageDialog *form;
  GtkWidget        *lead, *status;
  guint             selected = 0;

  if (self->store == NULL || current_group (self) == 0)
    return;
  g_clear_pointer (&self->members, g_array_unref);
  self->members = cr_store_list_group_member_ids (
      self->store, current_group (self), today, &error);
  g_ptr_array_add (leads, g_strdup (_ ("No resident lead yet")));
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      gint64 id = g_array_index (self->members, gint64, i);
      g_autoptr (CrPerson) person =
          cr_store_get_person (self->store, id, today, NULL);

      g_ptr_array_add (leads,
                       g_strdup (person ? cr_person_get_name (person) : "?"));
      if (priority != NULL && priority->lead_person_id == id)
        selected = i + 1;
    }
  /* A lead who has left the group stays the lead until changed. */
  if (priority != NULL && priority->lead_person_id > 0 && selected == 0)
    {
      if (self->members == NULL)
        self->members = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (self->members, priority->lead_person_id);
      g_ptr_array_add (
          leads, g_strdup (priority->lead_name ? priority->lead_name : "?"));
      selected = self->members->len;
    }
  g_ptr_array_add (leads, NULL);

  form = cr_form_new (
      GTK_WIDGET (self), priority ? _ ("Edit Priority") : _ ("Add Priority"),
      priority ? NULL
               : _ ("A priority of this year’s work plan, with "
                    "the resident who leads it."),
      "save", priority ? _ ("_Save") : _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "title", _ ("Priority"),
               cr_form_entry (priority ? priority->title : NULL,
                              _ ("Repairs done right first time")));
  lead = cr_form_add (form, "lead", _ ("Resident lead"),
                      choices ((const char *const *) leads->pdata));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (lead), selected);
  cr_form_add (form, "staff", _ ("Staff contact"),
               cr_form_entry (priority ? priority->staff_contact : NULL,
                              _ ("Repairs Service Manager")));
  cr_form_add (form, "outputs", _ ("Outputs"),
               cr_form_entry (priority ? priority->outputs : NULL, NULL));
  status = cr_form_add (form, "status", _ ("Status"), choices (statuses));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status),
                              priority ? priority->status : 0);
  if (priority != NULL)
    review_on = cr_date_iso_to_uk (priority->review_on);
  else
    {
      /* A new priority is reviewed six months on, as the plan asks. */
      GDate six_months;

      cr_date_today (&six_months);
      cr_date_add_months (&six_months, 6);
      review_on = cr_date_to_uk (&six_months);
    }
  cr_form_add (form, "review", _ ("Six-monthly review (DD/MM/YYYY)"),
               cr_form_entry (review_on, NULL));
  if (priority != NULL)
    {
      /* A priority the group drops can be marked so; one entered by
       * mistake is removed. */
      adw_message_dialog_add_response (form, "remove", _ ("_Remove"));
      adw_message_dialog_set_response_appearance (form, "remove",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      g_object_set_data_full (G_OBJECT (form), "priority",
                              g_memdup2 (priority, sizeof *priority), g_free);
    }
  g_signal_connect_object (form, "response", G_CALLBACK (priority_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
priority_activated (AdwActionRow *row, CrWorkplanPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (self->priorities != NULL && i < self->priorities->len)
    edit_priority (self, g_ptr_array_index (self->priorities, i));
}

/* ---- reviews ------------------------------------------------------------ */

static void
review_response (AdwMessageDialog *form,
                 const char       *response,
                 CrWorkplanPage   *self)
{
  g_autoptr (GError) error = NULL;
  CrReview *old = g_object_get_data (G_OBJECT (form), "review");
  CrReview  r = { 0 };
  gint64    id;

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  r.id = old ? old->id : 0;
  r.group_id = old ? old->group_id : current_group (self);
  r.year = old ? old->year : current_year (self);
  r.title = (char *) cr_form_get_text (form, "title");
  r.trigger = (CrReviewTrigger) cr_form_get_choice (form, "trigger");
  r.service_manager = (char *) cr_form_get_text (form, "manager");
  r.scope = (char *) cr_form_get_text (form, "scope");
  r.timescale = (char *) cr_form_get_text (form, "timescale");
  r.status = old ? (CrReviewStatus) cr_form_get_choice (form, "status")
                 : CR_REVIEW_PLANNED;
  if (old != NULL)
    {
      if (!cr_store_update_review (self->store, &r, &error))
        {
          problem (self, _ ("The Review Was Not Saved"), error);
          return;
        }
      show_review (self);
      return;
    }
  id = cr_store_add_review (self->store, &r, &error);
  if (id == 0)
    {
      problem (self, _ ("The Review Was Not Added"), error);
      return;
    }
  cr_workplan_page_show_review (self, id);
}

static void
edit_review (CrWorkplanPage *self, CrReview *review)
{
  const char *triggers[] = {
    cr_review_trigger_get_label (CR_TRIGGER_RESPONSIVE),
    cr_review_trigger_get_label (CR_TRIGGER_OFFICER_REQUEST),
    cr_review_trigger_get_label (CR_TRIGGER_EARLIER_REVIEW),
    cr_review_trigger_get_label (CR_TRIGGER_COMPLAINTS),
    cr_review_trigger_get_label (CR_TRIGGER_OTHER),
    NULL,
  };
  const char *statuses[] = {
    cr_review_status_get_label (CR_REVIEW_PLANNED),
    cr_review_status_get_label (CR_REVIEW_IN_PROGRESS),
    cr_review_status_get_label (CR_REVIEW_COMPLETE),
    cr_review_status_get_label (CR_REVIEW_WITHDRAWN),
    NULL,
  };
  AdwMessageDialog *form;
  GtkWidget        *trigger;

  if (self->store == NULL || (review == NULL && current_group (self) == 0))
    {
      cr_review_free (review);
      return;
    }
  form = cr_form_new (
      GTK_WIDGET (self), review ? _ ("Edit Review") : _ ("Add Service Review"),
      review ? NULL
             : _ ("A service the panel will look at "
                  "this year."),
      "save", review ? _ ("_Save") : _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (
      form, "title", _ ("Service"),
      cr_form_entry (review ? review->title : NULL, _ ("Responsive repairs")));
  trigger = cr_form_add (form, "trigger", _ ("Why now"), choices (triggers));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (trigger),
                              review ? review->trigger : 0);
  cr_form_add (form, "manager", _ ("Service manager"),
               cr_form_entry (review ? review->service_manager : NULL, NULL));
  cr_form_add (form, "scope", _ ("Scope"),
               cr_form_entry (review ? review->scope : NULL, NULL));
  cr_form_add (
      form, "timescale", _ ("Timescale"),
      cr_form_entry (review ? review->timescale : NULL, _ ("Six months")));
  if (review != NULL)
    {
      GtkWidget *status =
          cr_form_add (form, "status", _ ("Status"), choices (statuses));

      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), review->status);
      g_object_set_data_full (G_OBJECT (form), "review", review,
                              (GDestroyNotify) cr_review_free);
    }
  g_signal_connect_object (form, "response", G_CALLBACK (review_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
review_activated (AdwActionRow *row, CrWorkplanPage *self)
{
  cr_workplan_page_show_review (
      self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "review")));
}

static void
show_plan (CrWorkplanPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char     *today = cr_date_today_iso ();
  g_autofree char     *title = NULL;
  AdwPreferencesGroup *group;
  gint64               group_id = current_group (self);
  guint                year = current_year (self);

  self->review_id = 0;
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->review_print_button, FALSE);
  gtk_widget_set_visible (self->review_save_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->group_dropdown), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->year_spin), TRUE);
  clear_box (self->plan_box);
  g_clear_pointer (&self->priorities, g_ptr_array_unref);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  if (self->store == NULL || group_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->priorities =
      cr_store_list_priorities (self->store, group_id, year, &error);
  if (self->priorities == NULL)
    {
      g_warning ("Could not read the work plan: %s", error->message);
      return;
    }
  /* Translators: a heading: "Priorities for 2026" */
  title = g_strdup_printf (_ ("Priorities for %u"), year);
  group =
      new_group (self->plan_box, title,
                 self->priorities->len == 0
                     ? _ ("No priorities yet: add the ones the group agreed "
                          "for the year.")
                     : NULL);
  header_button (group, _ ("Add _Priority…"), "workplan.add-priority");
  for (guint i = 0; i < self->priorities->len; i++)
    {
      CrPriority *p = g_ptr_array_index (self->priorities, i);
      g_autoptr (GString) subtitle = g_string_new (NULL);
      g_autofree char *review_on = cr_date_iso_to_uk (p->review_on);
      g_autofree char *row_title =
          g_strdup_printf ("%u. %s", p->position, p->title);
      const char *css = p->status == CR_PRIORITY_AT_RISK ? "warning"
                        : p->status == CR_PRIORITY_DONE  ? "success"
                                                         : "dim-label";
      GtkWidget  *row;

      g_string_append_printf (subtitle, _ ("Lead: %s"),
                              p->lead_name && *p->lead_name ? p->lead_name
                                                            : _ ("no one yet"));
      if (p->staff_contact != NULL)
        g_string_append_printf (subtitle, _ (" · Staff: %s"), p->staff_contact);
      if (review_on != NULL)
        {
          gboolean due = strcmp (p->review_on, today) <= 0;

          g_string_append_printf (
              subtitle, due ? _ (" · Review was due %s") : _ (" · Review %s"),
              review_on);
        }
      if (p->outputs != NULL)
        g_string_append_printf (subtitle, "\n%s", p->outputs);
      row = add_row (
          group, row_title, subtitle->str,
          status_label (cr_priority_status_get_label (p->status), css), TRUE);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "activated",
                               G_CALLBACK (priority_activated), self, 0);
    }

  self->reviews = cr_store_list_reviews (self->store, group_id, year, &error);
  if (self->reviews == NULL)
    {
      g_warning ("Could not read the reviews: %s", error->message);
      return;
    }
  g_free (title);
  /* Translators: a heading: "Service reviews in 2026" */
  title = g_strdup_printf (_ ("Service Reviews in %u"), year);
  group = new_group (
      self->plan_box, title,
      self->reviews->len == 0 ? _ ("No reviews planned this year.") : NULL);
  header_button (group, _ ("Add Re_view…"), "workplan.add-review");
  for (guint i = 0; i < self->reviews->len; i++)
    {
      CrReview *r = g_ptr_array_index (self->reviews, i);
      g_autoptr (GPtrArray) stages =
          cr_store_list_review_stages (self->store, r->id, NULL);
      g_autoptr (GPtrArray) requests =
          cr_store_list_review_requests (self->store, r->id, NULL);
      g_autoptr (GString) subtitle = g_string_new (NULL);
      guint      done = 0, used = 0, overdue = 0;
      gint       next = -1;
      GtkWidget *row;
      GtkWidget *suffix;

      if (stages != NULL)
        {
          cr_review_stages_count (stages, &done, &used);
          next = cr_review_stages_next (stages);
        }
      for (guint j = 0; requests != NULL && j < requests->len; j++)
        overdue += cr_info_request_is_overdue (requests->pdata[j], today);
      g_string_append_printf (subtitle, _ ("%s · %u of %u stages done"),
                              cr_review_trigger_get_label (r->trigger), done,
                              used);
      if (next >= 0 && r->status != CR_REVIEW_WITHDRAWN)
        g_string_append_printf (
            subtitle, _ (" · Next: %s"),
            cr_review_stage_get_label ((CrReviewStage) next));
      if (overdue > 0)
        suffix = status_label (g_dngettext (NULL, "A request overdue",
                                            "Requests overdue", overdue),
                               "error");
      else
        suffix = status_label (cr_review_status_get_label (r->status),
                               r->status == CR_REVIEW_COMPLETE ? "success"
                                                               : "dim-label");
      row = add_row (group, r->title, subtitle->str, suffix, TRUE);
      g_object_set_data (G_OBJECT (row), "review", GSIZE_TO_POINTER (r->id));
      g_signal_connect_object (row, "activated", G_CALLBACK (review_activated),
                               self, 0);
    }
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

/* ---- one review -----------------------------------------------------------
 */

static void
stage_response (AdwMessageDialog *form,
                const char       *response,
                CrWorkplanPage   *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *done = NULL;
  CrStageRecord    s = { 0 };

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  if (!cr_form_get_date (form, "planned", FALSE, &planned, &error) ||
      !cr_form_get_date (form, "done", FALSE, &done, &error))
    {
      problem (self, _ ("The Stage Was Not Saved"), error);
      return;
    }
  s.stage = (CrReviewStage) GPOINTER_TO_UINT (
      g_object_get_data (G_OBJECT (form), "stage"));
  s.planned_on = planned;
  s.done_on = done;
  s.skipped = gtk_check_button_get_active (
      g_object_get_data (G_OBJECT (form), "skipped"));
  s.notes = (char *) cr_form_get_text (form, "notes");
  if (!cr_store_set_review_stage (self->store, self->review_id, &s, &error))
    {
      problem (self, _ ("The Stage Was Not Saved"), error);
      return;
    }
  show_review (self);
}

static void
stage_activated (AdwActionRow *row, CrWorkplanPage *self)
{
  CrStageRecord    *s = g_object_get_data (G_OBJECT (row), "stage");
  g_autofree char  *planned = cr_date_iso_to_uk (s->planned_on);
  g_autofree char  *done = cr_date_iso_to_uk (s->done_on);
  AdwMessageDialog *form;
  GtkWidget        *skipped;

  form = cr_form_new (GTK_WIDGET (self), cr_review_stage_get_label (s->stage),
                      _ ("When it is planned for and when it was done. Leave "
                         "a date empty if there is none yet."),
                      "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "planned", _ ("Planned for (DD/MM/YYYY)"),
               cr_form_entry (planned, NULL));
  cr_form_add (form, "done", _ ("Done on (DD/MM/YYYY)"),
               cr_form_entry (done, NULL));
  cr_form_add (form, "notes", _ ("Notes"), cr_form_entry (s->notes, NULL));
  skipped = gtk_check_button_new_with_mnemonic (_ ("_Not used in this review"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (skipped), s->skipped);
  gtk_box_append (GTK_BOX (adw_message_dialog_get_extra_child (form)), skipped);
  g_object_set_data (G_OBJECT (form), "skipped", skipped);
  g_object_set_data (G_OBJECT (form), "stage", GUINT_TO_POINTER (s->stage));
  g_signal_connect_object (form, "response", G_CALLBACK (stage_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
request_response (AdwMessageDialog *form,
                  const char       *response,
                  CrWorkplanPage   *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *due = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "request"));

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  if (id != 0)
    {
      g_autofree char *answered = NULL;

      /* Both or neither: a new deadline and the answer. */
      if (!cr_form_get_date (form, "answered", FALSE, &answered, &error) ||
          !cr_form_get_date (form, "due", TRUE, &due, &error) ||
          !cr_store_begin (self->store, &error) ||
          !cr_store_set_review_request_due (self->store, id, due, &error) ||
          !cr_store_answer_review_request (self->store, id, answered, &error) ||
          !cr_store_commit (self->store, &error))
        {
          cr_store_rollback (self->store);
          problem (self, _ ("The Request Was Not Saved"), error);
          return;
        }
      show_review (self);
      return;
    }
  if (!cr_form_get_date (form, "sent", TRUE, &sent, &error) ||
      !cr_form_get_date (form, "due", FALSE, &due, &error))
    {
      problem (self, _ ("The Request Was Not Added"), error);
      return;
    }
  {
    CrInfoRequest q = { 0 };

    q.review_id = self->review_id;
    q.kind = (CrRequestKind) cr_form_get_choice (form, "kind");
    q.sent_to = (char *) cr_form_get_text (form, "to");
    q.what = (char *) cr_form_get_text (form, "what");
    q.sent_on = sent;
    q.response_due = due;
    if (cr_store_add_review_request (self->store, &q, &error) == 0)
      {
        problem (self, _ ("The Request Was Not Added"), error);
        return;
      }
  }
  show_review (self);
}

static void
add_request (CrWorkplanPage *self)
{
  const char *kinds[] = {
    cr_request_kind_get_label (CR_REQUEST_INFORMATION),
    cr_request_kind_get_label (CR_REQUEST_COMMENTS),
    NULL,
  };
  AdwMessageDialog *form;

  form = cr_form_new (GTK_WIDGET (self), _ ("Add Request"),
                      _ ("Leave the due date empty to take it from the terms "
                         "of reference: 28 days for information, 14 for "
                         "comments, or as they say."),
                      "save", _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "kind", _ ("Request for"), choices (kinds));
  cr_form_add (form, "to", _ ("Sent to"),
               cr_form_entry (NULL, _ ("Repairs "
                                       "Service "
                                       "Manager")));
  cr_form_add (form, "what", _ ("What was asked for"),
               cr_form_entry (NULL, NULL));
  cr_form_add (form, "sent", _ ("Sent on (DD/MM/YYYY)"), cr_form_date_entry ());
  cr_form_add (form, "due", _ ("Response due (DD/MM/YYYY)"),
               cr_form_entry (NULL, _ ("From the terms of reference")));
  g_signal_connect_object (form, "response", G_CALLBACK (request_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
request_activated (AdwActionRow *row, CrWorkplanPage *self)
{
  CrInfoRequest    *q = g_object_get_data (G_OBJECT (row), "request");
  g_autofree char  *due = cr_date_iso_to_uk (q->response_due);
  AdwMessageDialog *form;

  form = cr_form_new (GTK_WIDGET (self), _ ("Request"), q->what, "save",
                      _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  /* A manager who can't keep to the deadline writes to the chair with
   * another: it is kept here. */
  cr_form_add (form, "due", _ ("Response due (DD/MM/YYYY)"),
               cr_form_entry (due, NULL));
  cr_form_add (form, "answered", _ ("Answered on (DD/MM/YYYY)"),
               q->answered_on ? cr_form_entry (NULL, NULL)
                              : cr_form_date_entry ());
  if (q->answered_on != NULL)
    {
      g_autofree char *uk = cr_date_iso_to_uk (q->answered_on);

      gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "answered"),
                             uk);
    }
  g_object_set_data (G_OBJECT (form), "request", GSIZE_TO_POINTER (q->id));
  g_signal_connect_object (form, "response", G_CALLBACK (request_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
recommendation_response (AdwMessageDialog *form,
                         const char       *response,
                         CrWorkplanPage   *self)
{
  g_autoptr (GError) error = NULL;
  CrRecommendation *rec = g_object_get_data (G_OBJECT (form), "rec");

  if (self->store == NULL || g_str_equal (response, "cancel"))
    return;
  if (rec == NULL)
    {
      if (cr_store_add_recommendation (self->store, self->review_id,
                                       cr_form_get_text (form, "text"),
                                       &error) == 0)
        problem (self, _ ("The Recommendation Was Not Added"), error);
      show_review (self);
      return;
    }
  if (g_str_equal (response, "action"))
    {
      g_autofree char *due = NULL;
      GtkDropDown     *picker = g_object_get_data (G_OBJECT (form), "meeting");
      GArray          *ids =
          picker ? g_object_get_data (G_OBJECT (picker), "ids") : NULL;
      guint  chosen = picker ? gtk_drop_down_get_selected (picker) : 0;
      gint64 meeting = 0;

      if (!cr_form_get_date (form, "action_due", FALSE, &due, &error))
        {
          problem (self, _ ("The Action Was Not Added"), error);
          return;
        }
      if (ids != NULL && chosen < ids->len)
        meeting = g_array_index (ids, gint64, chosen);
      if (meeting == 0)
        {
          if (error == NULL)
            g_set_error_literal (&error, CR_STORE_ERROR,
                                 CR_STORE_ERROR_NOT_FOUND,
                                 _ ("An action is agreed at a meeting: record "
                                    "the group’s meeting first."));
          problem (self, _ ("The Action Was Not Added"), error);
          return;
        }
      if (cr_store_add_recommendation_action (self->store, rec->id, meeting,
                                              cr_form_get_text (form, "owner"),
                                              due, &error) == 0)
        {
          problem (self, _ ("The Action Was Not Added"), error);
          return;
        }
      show_review (self);
      return;
    }
  {
    g_autofree char *responded = NULL;
    g_autofree char *impact_due = NULL;
    g_autofree char *impact_done = NULL;

    if (!cr_form_get_date (form, "responded", FALSE, &responded, &error) ||
        !cr_form_get_date (form, "impact_due", FALSE, &impact_due, &error) ||
        !cr_form_get_date (form, "impact_done", FALSE, &impact_done, &error) ||
        !cr_store_respond_recommendation (
            self->store, rec->id,
            (CrRecommendationResponse) cr_form_get_choice (form, "response"),
            cr_form_get_text (form, "reason"), responded, impact_due, &error) ||
        !cr_store_set_recommendation_impact (self->store, rec->id, impact_done,
                                             rec->impact_notes, &error))
      {
        problem (self, _ ("The Response Was Not Saved"), error);
        return;
      }
  }
  show_review (self);
}

static void
add_recommendation (CrWorkplanPage *self)
{
  AdwMessageDialog *form;

  form = cr_form_new (GTK_WIDGET (self), _ ("Add Recommendation"),
                      _ ("A recommendation of the findings report, awaiting "
                         "management’s response."),
                      "save", _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (form, "text", _ ("Recommendation"), cr_form_entry (NULL, NULL));
  g_signal_connect_object (form, "response",
                           G_CALLBACK (recommendation_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* The review's group's meetings, the latest first and chosen; their ids
 * are kept on the drop-down as "ids". */
static GtkWidget *
meeting_picker (CrWorkplanPage *self)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  GtkWidget *dropdown;

  if (!cr_store_list_review_meetings (self->store, self->review_id, ids, labels,
                                      &error))
    g_warning ("Could not read the meetings: %s", error->message);
  /* With none, the form says so and adding the action explains why not. */
  if (labels->len == 0)
    g_ptr_array_add (labels, g_strdup (_ ("No meeting of the group yet")));
  g_ptr_array_add (labels, NULL);
  dropdown =
      gtk_drop_down_new_from_strings ((const char *const *) labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_object_set_data_full (G_OBJECT (dropdown), "ids", g_array_ref (ids),
                          (GDestroyNotify) g_array_unref);
  return dropdown;
}

static void
recommendation_activated (AdwActionRow *row, CrWorkplanPage *self)
{
  CrRecommendation *rec = g_object_get_data (G_OBJECT (row), "rec");
  const char       *responses[] = {
          cr_response_get_label (CR_RESPONSE_NONE),
          cr_response_get_label (CR_RESPONSE_ACCEPTED),
          cr_response_get_label (CR_RESPONSE_PARTLY),
          cr_response_get_label (CR_RESPONSE_REJECTED),
          NULL,
  };
  g_autofree char  *responded = cr_date_iso_to_uk (rec->responded_on);
  g_autofree char  *impact_due = cr_date_iso_to_uk (rec->impact_due);
  g_autofree char  *impact_done = cr_date_iso_to_uk (rec->impact_done_on);
  AdwMessageDialog *form;
  GtkWidget        *response;

  form = cr_form_new (GTK_WIDGET (self), _ ("Management’s Response"), rec->text,
                      "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  response =
      cr_form_add (form, "response", _ ("Response"), choices (responses));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (response), rec->response);
  cr_form_add (form, "reason", _ ("Reason, if rejected or partly accepted"),
               cr_form_entry (rec->reason, NULL));
  cr_form_add (form, "responded", _ ("Responded on (DD/MM/YYYY)"),
               cr_form_entry (responded, NULL));
  cr_form_add (form, "impact_due", _ ("Impact assessment due (DD/MM/YYYY)"),
               cr_form_entry (impact_due, NULL));
  cr_form_add (form, "impact_done", _ ("Impact assessed on (DD/MM/YYYY)"),
               cr_form_entry (impact_done, NULL));
  if ((rec->response == CR_RESPONSE_ACCEPTED ||
       rec->response == CR_RESPONSE_PARTLY) &&
      rec->action_id == 0)
    {
      /* The action that delivers it goes into the log from here, against
       * the meeting that agreed it: the latest unless another is chosen. */
      cr_form_add (form, "meeting", _ ("Action: agreed at the meeting of"),
                   meeting_picker (self));
      cr_form_add (form, "owner", _ ("Action: who delivers it"),
                   cr_form_entry (NULL, _ ("Repairs Service Manager")));
      cr_form_add (form, "action_due", _ ("Action: by (DD/MM/YYYY)"),
                   cr_form_entry (NULL, NULL));
      adw_message_dialog_add_response (form, "action", _ ("Add _Action"));
    }
  g_object_set_data_full (G_OBJECT (form), "rec", g_memdup2 (rec, sizeof *rec),
                          g_free);
  g_signal_connect_object (form, "response",
                           G_CALLBACK (recommendation_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
edit_clicked (GtkButton *button, CrWorkplanPage *self)
{
  CrReview *review = cr_store_get_review (self->store, self->review_id, NULL);

  if (review != NULL)
    edit_review (self, review);
}

static void
show_review (CrWorkplanPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrReview) review = NULL;
  g_autofree char *today = cr_date_today_iso ();
  g_autoptr (GString) facts = g_string_new (NULL);
  GPtrArray           *stages, *requests, *recs;
  AdwPreferencesGroup *group;
  GtkWidget           *button;
  guint                done, used;

  clear_box (self->review_box);
  if (self->store == NULL || self->review_id == 0)
    return;
  review = cr_store_get_review (self->store, self->review_id, &error);
  stages = review
               ? cr_store_list_review_stages (self->store, review->id, &error)
               : NULL;
  requests =
      stages ? cr_store_list_review_requests (self->store, review->id, &error)
             : NULL;
  recs = requests
             ? cr_store_list_recommendations (self->store, review->id, &error)
             : NULL;
  if (recs == NULL)
    {
      g_warning ("Could not read the review: %s", error->message);
      g_clear_pointer (&stages, g_ptr_array_unref);
      g_clear_pointer (&requests, g_ptr_array_unref);
      show_plan (self);
      return;
    }
  /* The rows point into these arrays; they live as long as the box. */
  g_object_set_data_full (G_OBJECT (self->review_box), "stages", stages,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (self->review_box), "requests", requests,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (self->review_box), "recs", recs,
                          (GDestroyNotify) g_ptr_array_unref);

  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->review_print_button, TRUE);
  gtk_widget_set_visible (self->review_save_button, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->group_dropdown), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->year_spin), FALSE);

  cr_review_stages_count (stages, &done, &used);
  g_string_append_printf (facts, _ ("%s · %s · %u of %u stages done"),
                          cr_review_status_get_label (review->status),
                          cr_review_trigger_get_label (review->trigger), done,
                          used);
  if (review->service_manager != NULL)
    g_string_append_printf (facts, _ ("\nService manager: %s"),
                            review->service_manager);
  if (review->scope != NULL)
    g_string_append_printf (facts, _ ("\nScope: %s"), review->scope);
  if (review->timescale != NULL)
    g_string_append_printf (facts, _ ("\nTimescale: %s"), review->timescale);
  group = new_group (self->review_box, review->title, facts->str);
  button = header_button (group, _ ("_Edit…"), NULL);
  g_signal_connect_object (button, "clicked", G_CALLBACK (edit_clicked), self,
                           0);
  /* Delete beside Edit: the header holds one widget, so both go in a box. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *remove = gtk_button_new_with_mnemonic (_ ("_Delete…"));

    g_object_ref (button);
    adw_preferences_group_set_header_suffix (group, box);
    gtk_box_append (GTK_BOX (box), button);
    g_object_unref (button);
    gtk_widget_add_css_class (remove, "flat");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (remove),
                                    "workplan.delete-review");
    gtk_box_append (GTK_BOX (box), remove);
  }

  group = new_group (self->review_box, _ ("Stages"),
                     _ ("Select a stage to set its dates."));
  for (guint i = 0; i < stages->len; i++)
    {
      CrStageRecord   *s = g_ptr_array_index (stages, i);
      g_autofree char *planned = cr_date_iso_to_uk (s->planned_on);
      g_autofree char *on = cr_date_iso_to_uk (s->done_on);
      g_autofree char *title = g_strdup_printf (
          "%u. %s", i + 1, cr_review_stage_get_label (s->stage));
      g_autofree char *subtitle = NULL;
      GtkWidget       *suffix, *row, *icon;

      if (s->skipped)
        {
          subtitle = g_strdup (_ ("Not used in this review"));
          suffix = status_label (_ ("Not used"), "dim-label");
        }
      else if (on != NULL)
        {
          subtitle = planned ? g_strdup_printf (_ ("Planned for %s · done %s"),
                                                planned, on)
                             : g_strdup_printf (_ ("Done %s"), on);
          suffix = status_label (_ ("Done"), "success");
        }
      else if (planned != NULL && strcmp (s->planned_on, today) < 0)
        {
          subtitle = g_strdup_printf (_ ("Planned for %s"), planned);
          suffix = status_label (_ ("Late"), "error");
        }
      else if (planned != NULL)
        {
          subtitle = g_strdup_printf (_ ("Planned for %s"), planned);
          suffix = status_label (_ ("Planned"), "dim-label");
        }
      else
        {
          subtitle = g_strdup (_ ("No date yet"));
          suffix = status_label (_ ("Not planned"), "dim-label");
        }
      row = add_row (group, title, subtitle, suffix, TRUE);
      icon = gtk_image_new_from_icon_name (on != NULL ? "object-select-symbolic"
                                           : s->skipped ? "list-remove-symbolic"
                                                        : "radio-symbolic");
      if (on != NULL)
        gtk_widget_add_css_class (icon, "success");
      else
        gtk_widget_add_css_class (icon, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "stage", s);
      g_signal_connect_object (row, "activated", G_CALLBACK (stage_activated),
                               self, 0);
    }

  group = new_group (self->review_box, _ ("Requests to Managers"),
                     requests->len == 0 ? _ ("No requests made yet.") : NULL);
  header_button (group, _ ("Add _Request…"), "workplan.add-request");
  for (guint i = 0; i < requests->len; i++)
    {
      CrInfoRequest   *q = g_ptr_array_index (requests, i);
      g_autofree char *sent = cr_date_iso_to_uk (q->sent_on);
      g_autofree char *due = cr_date_iso_to_uk (q->response_due);
      g_autofree char *answered = cr_date_iso_to_uk (q->answered_on);
      g_autofree char *subtitle = NULL;
      GtkWidget       *suffix, *row;

      subtitle =
          g_strdup_printf (_ ("%s · %s · sent %s, due %s"), q->sent_to,
                           cr_request_kind_get_label (q->kind), sent, due);
      if (cr_info_request_is_overdue (q, today))
        suffix = status_label (_ ("Overdue"), "error");
      else if (answered != NULL)
        {
          g_autofree char *text = g_strdup_printf (_ ("Answered %s"), answered);

          suffix = status_label (text, "success");
        }
      else
        suffix = status_label (_ ("Waiting"), "dim-label");
      row = add_row (group, q->what, subtitle,
                     with_delete (suffix, _ ("Delete the request"),
                                  "workplan.delete-request", q->id),
                     TRUE);
      g_object_set_data (G_OBJECT (row), "request", q);
      g_signal_connect_object (row, "activated", G_CALLBACK (request_activated),
                               self, 0);
    }

  group = new_group (self->review_box, _ ("Recommendations"),
                     recs->len == 0 ? _ ("None yet: they come with the "
                                         "findings report.")
                                    : NULL);
  header_button (group, _ ("Add Re_commendation…"),
                 "workplan.add-recommendation");
  for (guint i = 0; i < recs->len; i++)
    {
      CrRecommendation *c = g_ptr_array_index (recs, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", c->position, c->text);
      g_autoptr (GString) subtitle = g_string_new (NULL);
      CrFollowUp  follow_up = cr_recommendation_follow_up (c, today);
      const char *css = NULL;
      const char *label = cr_response_get_label (c->response);
      GtkWidget  *row;

      if (c->response != CR_RESPONSE_NONE)
        {
          g_autofree char *on = cr_date_iso_to_uk (c->responded_on);

          /* Translators: "Accepted on 14/10/2026" */
          g_string_append_printf (subtitle, _ ("%s on %s"),
                                  cr_response_get_label (c->response), on);
        }
      if (c->reason != NULL)
        g_string_append_printf (subtitle, _ ("%sReason: %s"),
                                subtitle->len ? "\n" : "", c->reason);
      if (c->action_text != NULL)
        {
          g_autofree char *due = cr_date_iso_to_uk (c->action_due);

          g_string_append_printf (
              subtitle, _ ("%sAction in the log: %s · %s"),
              subtitle->len ? "\n" : "",
              c->action_owner ? c->action_owner : _ ("no one named"),
              cr_recommendation_get_action_status_label (c));
          if (due != NULL)
            g_string_append_printf (subtitle, _ (", by %s"), due);
        }
      if (c->impact_done_on != NULL)
        {
          g_autofree char *d = cr_date_iso_to_uk (c->impact_done_on);

          g_string_append_printf (subtitle, _ ("%sImpact assessed %s"),
                                  subtitle->len ? "\n" : "", d);
        }
      else if (c->impact_due != NULL)
        {
          g_autofree char *d = cr_date_iso_to_uk (c->impact_due);

          g_string_append_printf (subtitle, _ ("%sImpact assessment due %s"),
                                  subtitle->len ? "\n" : "", d);
        }
      switch (follow_up)
        {
          case CR_FOLLOW_UP_ACTION:
            label = _ ("Needs an action");
            css = "warning";
            break;
          case CR_FOLLOW_UP_IMPACT_LATE:
            label = _ ("Impact overdue");
            css = "error";
            break;
          case CR_FOLLOW_UP_IMPACT_SOON:
            label = _ ("Impact due soon");
            css = "warning";
            break;
          case CR_FOLLOW_UP_RESPONSE:
            css = "dim-label";
            break;
          case CR_FOLLOW_UP_NONE:
          default:
            css = c->response == CR_RESPONSE_REJECTED ? "dim-label" : "success";
            break;
        }
      row = add_row (group, title, subtitle->str,
                     with_delete (status_label (label, css),
                                  _ ("Delete the recommendation"),
                                  "workplan.delete-recommendation", c->id),
                     TRUE);
      g_object_set_data (G_OBJECT (row), "rec", c);
      g_signal_connect_object (row, "activated",
                               G_CALLBACK (recommendation_activated), self, 0);
    }
  gtk_stack_set_visible_child_name (self->stack, "review");
}

/* ---- deleting ------------------------------------------------------------ */

static void
delete_review_response (AdwMessageDialog *dialog,
                        const char       *response,
                        CrWorkplanPage   *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  if (!cr_store_delete_review (self->store, cr_confirm_delete_get_id (dialog),
                               &error))
    {
      problem (self, _ ("The Review Was Not Deleted"), error);
      return;
    }
  self->review_id = 0;
  show_plan (self);
}

static void
delete_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (widget);
  g_autoptr (CrReview) review = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  CrReviewContents contents;

  if (self->store == NULL || self->review_id == 0)
    return;
  review = cr_store_get_review (self->store, self->review_id, &error);
  if (review == NULL || !cr_store_count_review_contents (
                            self->store, review->id, &contents, &error))
    {
      problem (self, _ ("The Review Was Not Deleted"), error);
      return;
    }
  body = cr_review_describe_delete (review->title, &contents);
  cr_confirm_delete (GTK_WIDGET (self), _ ("Delete Review?"), body, review->id,
                     G_CALLBACK (delete_review_response), self);
}

static void
delete_request_response (AdwMessageDialog *dialog,
                         const char       *response,
                         CrWorkplanPage   *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  if (!cr_store_delete_review_request (
          self->store, cr_confirm_delete_get_id (dialog), &error))
    problem (self, _ ("The Request Was Not Deleted"), error);
  show_review (self);
}

static void
delete_request_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (widget);
  g_autoptr (CrInfoRequest) request = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  if (self->store == NULL)
    return;
  request = cr_store_get_review_request (self->store,
                                         g_variant_get_int64 (param), &error);
  if (request == NULL)
    {
      problem (self, _ ("The Request Was Not Deleted"), error);
      return;
    }
  body = cr_info_request_describe_delete (request);
  cr_confirm_delete (GTK_WIDGET (self), _ ("Delete Request?"), body,
                     request->id, G_CALLBACK (delete_request_response), self);
}

static void
delete_recommendation_response (AdwMessageDialog *dialog,
                                const char       *response,
                                CrWorkplanPage   *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->store == NULL)
    return;
  if (!cr_store_delete_recommendation (
          self->store, cr_confirm_delete_get_id (dialog), &error))
    problem (self, _ ("The Recommendation Was Not Deleted"), error);
  show_review (self);
}

static void
delete_recommendation_action (GtkWidget  *widget,
                              const char *name,
                              GVariant   *param)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (widget);
  g_autoptr (CrRecommendation) rec = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  if (self->store == NULL)
    return;
  rec = cr_store_get_recommendation (self->store, g_variant_get_int64 (param),
                                     &error);
  if (rec == NULL)
    {
      problem (self, _ ("The Recommendation Was Not Deleted"), error);
      return;
    }
  body = cr_recommendation_describe_delete (rec);
  cr_confirm_delete (GTK_WIDGET (self), _ ("Delete Recommendation?"), body,
                     rec->id, G_CALLBACK (delete_recommendation_response),
                     self);
}

/* ---- actions and signals ------------------------------------------------- */

static void
group_changed (CrWorkplanPage *self)
{
  if (!self->filling)
    show_plan (self);
}

static void
year_changed (CrWorkplanPage *self)
{
  if (!self->filling)
    show_plan (self);
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  show_plan (CR_WORKPLAN_PAGE (widget));
}

static void
add_priority_action (GtkWidget *widget, const char *name, GVariant *param)
{
  edit_priority (CR_WORKPLAN_PAGE (widget), NULL);
}

static void
add_request_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (widget);

  if (self->review_id != 0)
    add_request (self);
}

static void
add_recommendation_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (widget);

  if (self->review_id != 0)
    add_recommendation (self);
}

static void
add_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  edit_review (CR_WORKPLAN_PAGE (widget), NULL);
}

static void
summary_response (GtkNativeDialog *dialog, int response, CrWorkplanPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      G_GNUC_END_IGNORE_DEPRECATIONS
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL && !cr_print_review_to_pdf (self->store, self->review_id,
                                                   NULL, path, &error))
        problem (self, _ ("The Summary Was Not Saved"), error);
    }
  g_object_unref (dialog);
}

static void
save_summary_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CrWorkplanPage       *self = CR_WORKPLAN_PAGE (widget);
  GtkRoot              *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (
      _ ("Save Review Summary"),
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     _ ("review-summary.pdf"));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect_object (chooser, "response", G_CALLBACK (summary_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static int
count_pages (gconstpointer data)
{
  return cr_page_doc_get_n_pages ((CrPageDoc *) data);
}

static void
draw_page (
    gconstpointer data, cairo_t *cr, int page, double width, double height)
{
  cr_page_doc_draw_page ((CrPageDoc *) data, cr, page, width, height);
}

/* The same pages as `print review`, through the print dialog. */
static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  CrPageDoc       *doc;

  if (self->store == NULL || self->review_id == 0)
    return;
  doc = cr_print_review_build (self->store, self->review_id, NULL, &title,
                               &error);
  if (doc == NULL)
    {
      problem (self, _ ("The Review Could Not Be Printed"), error);
      return;
    }
  cr_print_document (widget, title, doc, (GDestroyNotify) cr_page_doc_free,
                     count_pages, draw_page);
}

static void
cr_workplan_page_dispose (GObject *object)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (object);
  GtkWidget      *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_WORKPLAN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->priorities, g_ptr_array_unref);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_array_unref);
  G_OBJECT_CLASS (cr_workplan_page_parent_class)->dispose (object);
}

/* Shows @group_id's plan, if it is one of the groups; 0 changes nothing. */
static void
select_group (CrWorkplanPage *self, gint64 group_id)
{
  for (guint i = 0;
       group_id != 0 && self->groups != NULL && i < self->groups->len; i++)
    if (cr_group_get_id (g_ptr_array_index (self->groups, i)) == group_id)
      {
        if (gtk_drop_down_get_selected (self->group_dropdown) != i ||
            self->review_id != 0)
          {
            self->filling = TRUE;
            gtk_drop_down_set_selected (self->group_dropdown, i);
            self->filling = FALSE;
            show_plan (self);
          }
        return;
      }
}

static void
cr_workplan_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        g_value_set_int64 (value, self->wanted_group);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_workplan_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrWorkplanPage *self = CR_WORKPLAN_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        if (self->wanted_group == g_value_get_int64 (value))
          return;
        self->wanted_group = g_value_get_int64 (value);
        select_group (self, self->wanted_group);
        g_object_notify_by_pspec (object, properties[PROP_GROUP_ID]);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_workplan_page_class_init (CrWorkplanPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_workplan_page_dispose;
  object_class->get_property = cr_workplan_page_get_property;
  object_class->set_property = cr_workplan_page_set_property;

  /**
   * CrWorkplanPage:group-id:
   *
   * The group the window's switcher shows: its plan is shown; 0 (all
   * groups) keeps the page's own choice.
   */
  properties[PROP_GROUP_ID] = g_param_spec_int64 (
      "group-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/cr-workplan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrWorkplanPage,
                                        group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrWorkplanPage,
                                        year_spin);
  gtk_widget_class_bind_template_child (widget_class, CrWorkplanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrWorkplanPage, plan_box);
  gtk_widget_class_bind_template_child (widget_class, CrWorkplanPage,
                                        review_box);
  gtk_widget_class_bind_template_child (widget_class, CrWorkplanPage,
                                        back_button);
  gtk_widget_class_bind_template_child (widget_class, CrWorkplanPage,
                                        review_print_button);
  gtk_widget_class_bind_template_child (widget_class, CrWorkplanPage,
                                        review_save_button);
  gtk_widget_class_bind_template_callback (widget_class, group_changed);
  gtk_widget_class_bind_template_callback (widget_class, year_changed);
  gtk_widget_class_install_action (widget_class, "workplan.back", NULL,
                                   back_action);
  gtk_widget_class_install_action (widget_class, "workplan.add-priority", NULL,
                                   add_priority_action);
  gtk_widget_class_install_action (widget_class, "workplan.add-review", NULL,
                                   add_review_action);
  gtk_widget_class_install_action (widget_class, "workplan.save-summary", NULL,
                                   save_summary_action);
  gtk_widget_class_install_action (widget_class, "workplan.print", NULL,
                                   print_action);
  gtk_widget_class_install_action (widget_class, "workplan.delete-review", NULL,
                                   delete_review_action);
  gtk_widget_class_install_action (widget_class, "workplan.delete-request", "x",
                                   delete_request_action);
  gtk_widget_class_install_action (widget_class,
                                   "workplan.delete-recommendation", "x",
                                   delete_recommendation_action);
  gtk_widget_class_install_action (widget_class, "workplan.add-request", NULL,
                                   add_request_action);
  gtk_widget_class_install_action (widget_class, "workplan.add-recommendation",
                                   NULL, add_recommendation_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
page_mapped (CrWorkplanPage *self)
{
  if (self->store == NULL)
    return;
  if (self->review_id != 0)
    show_review (self);
  else
    show_plan (self);
}

static void
cr_workplan_page_init (CrWorkplanPage *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Actions change on the Meetings page: read again when shown. */
  g_signal_connect (self, "map", G_CALLBACK (page_mapped), NULL);
  cr_date_today (&today);
  self->filling = TRUE;
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
  self->filling = FALSE;
}

/**
 * cr_workplan_page_reload:
 *
 * Reads the groups again, keeping the group shown, and shows its plan.
 */
void
cr_workplan_page_reload (CrWorkplanPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 keep, panel = 0;
  guint  selected = 0;

  g_return_if_fail (CR_IS_WORKPLAN_PAGE (self));

  keep = current_group (self);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  if (self->store != NULL)
    self->groups = cr_store_list_groups (self->store, &error);
  if (self->groups == NULL && error != NULL)
    g_warning ("Could not read the groups: %s", error->message);
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    {
      CrGroup *g = g_ptr_array_index (self->groups, i);

      gtk_string_list_append (names, cr_group_get_name (g));
      if (cr_group_get_id (g) == keep)
        selected = i;
      /* Start on a panel: work plans are theirs. */
      if (panel == 0 && g_strcmp0 (cr_group_get_kind (g), "panel") == 0)
        panel = i + 1;
    }
  if (keep == 0 && panel > 0)
    selected = panel - 1;
  for (guint i = 0;
       self->wanted_group != 0 && self->groups != NULL && i < self->groups->len;
       i++)
    if (cr_group_get_id (g_ptr_array_index (self->groups, i)) ==
        self->wanted_group)
      selected = i;
  self->filling = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  self->filling = FALSE;
  show_plan (self);
}

/**
 * cr_workplan_page_set_store:
 * @store: (nullable): the open file
 */
void
cr_workplan_page_set_store (CrWorkplanPage *self, CrStore *store)
{
  g_return_if_fail (CR_IS_WORKPLAN_PAGE (self));

  g_set_object (&self->store, store);
  self->review_id = 0;
  cr_workplan_page_reload (self);
}

/**
 * cr_workplan_page_show_group:
 * @year: a plan's year, or 0 to keep the one shown
 *
 * Returns: %FALSE if there is no such group
 */
gboolean
cr_workplan_page_show_group (CrWorkplanPage *self,
                             const char     *group_name,
                             guint           year)
{
  g_return_val_if_fail (CR_IS_WORKPLAN_PAGE (self), FALSE);

  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    if (g_strcmp0 (cr_group_get_name (self->groups->pdata[i]), group_name) == 0)
      {
        self->filling = TRUE;
        gtk_drop_down_set_selected (self->group_dropdown, i);
        if (year > 0)
          gtk_spin_button_set_value (self->year_spin, year);
        self->filling = FALSE;
        show_plan (self);
        return TRUE;
      }
  return FALSE;
}

/**
 * cr_workplan_page_show_review:
 *
 * Opens one review: its stages, requests and recommendations.
 */
void
cr_workplan_page_show_review (CrWorkplanPage *self, gint64 review_id)
{
  g_return_if_fail (CR_IS_WORKPLAN_PAGE (self));

  self->review_id = review_id;
  show_review (self);
}

guint
cr_workplan_page_get_n_priorities (CrWorkplanPage *self)
{
  g_return_val_if_fail (CR_IS_WORKPLAN_PAGE (self), 0);
  return self->priorities ? self->priorities->len : 0;
}

guint
cr_workplan_page_get_n_reviews (CrWorkplanPage *self)
{
  g_return_val_if_fail (CR_IS_WORKPLAN_PAGE (self), 0);
  return self->reviews ? self->reviews->len : 0;
}
