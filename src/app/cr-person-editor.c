/* cr-person-editor.c: add or change one person
 *
 * Every field is checked as it is typed; a field that is wrong says why
 * beside it, and Save stays off until everything is right, so nothing is
 * saved half-valid. A save is one transaction. Memberships are saved as
 * they are made or ended: each is a decision taken on a date, not a draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-person-editor.h"

#include "cr-consent-dialog.h"
#include "cr-date.h"
#include "cr-form.h"
#include "cr-person-training.h"
#include "cr-store-conduct.h"
#include "cr-store-people.h"
#include "cr-validate.h"

#include <glib/gi18n.h>

struct _CrPersonEditor
{
  AdwWindow            parent_instance;

  CrStore             *store;
  CrPerson            *person;  /* as loaded; NULL for a new person */
  gboolean             valid;

  AdwPreferencesGroup *name_group;
  AdwPreferencesGroup *address_group;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *standing_group;
  AdwPreferencesGroup *join_group;
  AdwPreferencesGroup *memberships_group;
  AdwPreferencesGroup *offices_group;
  AdwPreferencesGroup *conduct_group;
  AdwPreferencesGroup *interests_group;
  GtkListBox          *offices_list;
  GtkListBox          *conduct_list;
  GtkListBox          *interests_list;
  GtkButton           *erase_button;
  AdwEntryRow         *given_row;
  AdwEntryRow         *family_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *block_row;
  AdwEntryRow         *postcode_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  GtkSwitch           *consent_switch;
  AdwEntryRow         *consent_date_row;
  AdwComboRow         *tenure_row;
  AdwEntryRow         *conduct_row;
  GtkSwitch           *join_switch;
  AdwEntryRow         *join_date_row;
  GtkListBox          *memberships_list;
  GtkTextView         *notes_view;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (CrPersonEditor, cr_person_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
mark (AdwEntryRow *row,
      gboolean     bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Checks a date row: empty is fine unless @required. Puts the ISO date in
 * @iso, or the reason in @problem. */
static gboolean
check_date_row (AdwEntryRow  *row,
                gboolean      required,
                char        **iso,
                char        **problem)
{
  g_autofree char *text = row_text (row);
  g_autoptr (GError) error = NULL;
  GDate date;

  *iso = NULL;
  if (*text == '\0')
    {
      mark (row, required);
      if (required && *problem == NULL)
        *problem = g_strdup_printf (_("%s: a date is needed."),
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      return !required;
    }
  if (!cr_date_parse (text, &date, &error))
    {
      mark (row, TRUE);
      if (*problem == NULL)
        *problem = g_strdup (error->message);
      return FALSE;
    }
  mark (row, FALSE);
  *iso = cr_date_to_iso (&date);
  return TRUE;
}

/* Checks one text row with @check, which tidies the value or explains. */
static gboolean
check_row (AdwEntryRow  *row,
           char       *(*check) (const char *, GError **),
           char        **tidy,
           char        **problem)
{
  g_autofree char *text = row_text (row);
  g_autoptr (GError) error = NULL;

  *tidy = NULL;
  if (*text == '\0')
    {
      mark (row, FALSE);
      return TRUE;
    }
  *tidy = check (text, &error);
  mark (row, *tidy == NULL);
  if (*tidy == NULL && *problem == NULL)
    *problem = g_strdup (error->message);
  return *tidy != NULL;
}

static void
describe (AdwPreferencesGroup *group,
          const char          *problem)
{
  adw_preferences_group_set_description (group, problem);
}

/* Reads the form into @person (if given); returns whether all is valid and
 * shows each group's first problem under its title. */
static gboolean
read_form (CrPersonEditor  *self,
           CrPerson        *person,
           char           **join_date)
{
  g_autofree char *given = row_text (self->given_row);
  g_autofree char *family = row_text (self->family_row);
  g_autofree char *address = row_text (self->address_row);
  g_autofree char *block = row_text (self->block_row);
  g_autofree char *postcode = NULL, *phone = NULL, *email = NULL;
  g_autofree char *consent_date = NULL, *conduct = NULL, *join = NULL;
  g_autofree char *name_problem = NULL, *address_problem = NULL;
  g_autofree char *contact_problem = NULL, *standing_problem = NULL;
  g_autofree char *join_problem = NULL;
  gboolean consent = gtk_switch_get_active (self->consent_switch);
  gboolean ok = TRUE;

  if (*given == '\0' && *family == '\0')
    {
      name_problem = g_strdup (_("A person needs a name."));
      ok = FALSE;
    }
  ok &= check_row (self->postcode_row, cr_validate_postcode, &postcode,
                   &address_problem);
  ok &= check_row (self->phone_row, cr_validate_phone, &phone,
                   &contact_problem);
  ok &= check_row (self->email_row, cr_validate_email, &email,
                   &contact_problem);
  if (consent)
    ok &= check_date_row (self->consent_date_row, FALSE, &consent_date,
                          &contact_problem);
  else
    mark (self->consent_date_row, FALSE);
  ok &= check_date_row (self->conduct_row, FALSE, &conduct, &standing_problem);
  if (self->person == NULL && gtk_switch_get_active (self->join_switch))
    ok &= check_date_row (self->join_date_row, TRUE, &join, &join_problem);

  describe (self->name_group, name_problem);
  describe (self->address_group, address_problem);
  describe (self->contact_group, contact_problem);
  describe (self->standing_group, standing_problem);
  describe (self->join_group, join_problem);

  if (person != NULL && ok)
    {
      g_autofree char *notes = NULL;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      cr_person_set_given_name (person, given);
      cr_person_set_family_name (person, family);
      cr_person_set_address (person, address);
      cr_person_set_block (person, block);
      cr_person_set_postcode (person, postcode);
      cr_person_set_phone (person, phone);
      cr_person_set_email (person, email);
      cr_person_set_consent (person, consent, consent ? consent_date : NULL);
      cr_person_set_tenure (person, adw_combo_row_get_selected (self->tenure_row));
      cr_person_set_conduct_signed_on (person, conduct);
      cr_person_set_notes (person, g_strstrip (notes));
    }
  if (join_date != NULL)
    *join_date = g_steal_pointer (&join);
  return ok;
}

static void
field_changed (CrPersonEditor *self)
{
  self->valid = read_form (self, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid);
}

/* Memberships */

static void end_clicked (GtkButton      *button,
                         CrPersonEditor *self);

static void
load_memberships (CrPersonEditor *self)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->memberships_list))))
    gtk_list_box_remove (self->memberships_list, child);

  if (self->person == NULL)
    return;

  list = cr_store_list_memberships (self->store, cr_person_get_id (self->person),
                                    &error);
  if (list == NULL)
    {
      g_warning ("Could not list memberships: %s", error->message);
      return;
    }

  for (guint i = 0; i < list->len; i++)
    {
      CrMembership *m = g_ptr_array_index (list, i);
      g_autofree char *start = cr_date_iso_to_uk (m->start_date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (m->end_date == NULL)
        /* Translators: "Voting member since 01/03/2020" */
        subtitle = g_strdup_printf (_("%s since %s"),
                                    cr_membership_kind_get_label (m->kind),
                                    start);
      else
        {
          g_autofree char *end = cr_date_iso_to_uk (m->end_date);

          /* Translators: "Voting member, 01/03/2020 to 28/02/2025: Resigned" */
          subtitle = g_strdup_printf (_("%s, %s to %s: %s"),
                                      cr_membership_kind_get_label (m->kind),
                                      start, end,
                                      cr_end_reason_get_label (m->end_reason));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->group_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (m->end_date == NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_End…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("End this membership"));
          g_object_set_data_full (G_OBJECT (button), "membership-id",
                                  g_memdup2 (&m->id, sizeof m->id), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (end_clicked),
                                   self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->memberships_list, row);
    }

  if (list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Not a member of any group"));
      gtk_list_box_append (self->memberships_list, row);
    }
}

static AdwMessageDialog *
form_dialog (CrPersonEditor *self,
             const char     *heading,
             const char     *body,
             const char     *response,
             const char     *label,
             gboolean        destructive)
{
  return cr_form_new (GTK_WIDGET (self), heading, body, response, label,
                      destructive ? ADW_RESPONSE_DESTRUCTIVE
                                  : ADW_RESPONSE_SUGGESTED);
}

static void
end_response (AdwMessageDialog *dialog,
              const char       *response,
              CrPersonEditor   *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "membership-id");
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  if (!g_str_equal (response, "end"))
    return;
  if (!cr_form_get_date (dialog, "date", TRUE, &iso, &error) ||
      !cr_person_editor_end_membership (self, *id, iso,
                                        cr_form_get_choice (dialog, "reason"),
                                        &error))
    cr_form_show_problem (GTK_WIDGET (self), _("The Membership Was Not Ended"),
                          error->message);
}

static void
end_clicked (GtkButton      *button,
             CrPersonEditor *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "membership-id");
  const char *labels[CR_END_OTHER + 2] = { NULL };
  AdwMessageDialog *dialog;

  for (int r = 0; r <= CR_END_OTHER; r++)
    labels[r] = cr_end_reason_get_label (r);

  dialog = form_dialog (self, _("End Membership"),
                        _("The membership stays in the record, with the day "
                          "it ended and why."),
                        "end", _("_End Membership"), TRUE);
  cr_form_add (dialog, "date", _("Last day (DD/MM/YYYY)"), cr_form_date_entry ());
  cr_form_add (dialog, "reason", _("Reason"), gtk_drop_down_new_from_strings (labels));
  g_object_set_data_full (G_OBJECT (dialog), "membership-id",
                          g_memdup2 (id, sizeof *id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
join_response (AdwMessageDialog *dialog,
               const char       *response,
               CrPersonEditor   *self)
{
  GtkDropDown *groups = g_object_get_data (G_OBJECT (dialog), "group");
  g_autoptr (CrGroup) group = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  if (!g_str_equal (response, "join"))
    return;
  group = g_list_model_get_item (gtk_drop_down_get_model (groups),
                                 gtk_drop_down_get_selected (groups));
  if (group == NULL)
    return;
  if (!cr_form_get_date (dialog, "date", TRUE, &iso, &error) ||
      !cr_person_editor_join (self, cr_group_get_id (group),
                              cr_form_get_choice (dialog, "kind"), iso, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("Not Joined"), error->message);
}

static GtkWidget *groups_dropdown (CrPersonEditor  *self,
                                   GError         **error);

static void
join_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  const char *labels[CR_MEMBERSHIP_OFFICER_SUPPORT + 2] = { NULL };
  AdwMessageDialog *dialog;
  GtkWidget *groups;

  if (self->person == NULL)
    return;
  groups = groups_dropdown (self, &error);
  if (groups == NULL)
    {
      cr_form_show_problem (GTK_WIDGET (self), _("Not Joined"), error->message);
      return;
    }
  for (int k = 0; k <= CR_MEMBERSHIP_OFFICER_SUPPORT; k++)
    labels[k] = cr_membership_kind_get_label (k);

  dialog = form_dialog (self, _("Join a Group"), NULL, "join", _("_Join"), FALSE);
  cr_form_add (dialog, "group", _("Group"), groups);
  cr_form_add (dialog, "kind", _("As"), gtk_drop_down_new_from_strings (labels));
  cr_form_add (dialog, "date", _("From (DD/MM/YYYY)"), cr_form_date_entry ());
  g_signal_connect_object (dialog, "response", G_CALLBACK (join_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Offices, conduct and declarations: each change is saved as it is made,
 * like memberships. */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
record_row (const char *title,
            const char *subtitle,
            gboolean    past)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (past)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
empty_row (GtkListBox *list,
           const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static char *
span_text (const char *start_iso,
           const char *end_iso)
{
  g_autofree char *start = cr_date_iso_to_uk (start_iso);
  g_autofree char *end = cr_date_iso_to_uk (end_iso);

  if (end == NULL)
    /* Translators: "since 01/03/2020" */
    return g_strdup_printf (_("since %s"), start);
  /* Translators: "01/03/2020 to 28/02/2025" */
  return g_strdup_printf (_("%s to %s"), start, end);
}

typedef void (*RowAction) (CrPersonEditor *self,
                           gint64          id);

static void
row_button_clicked (GtkButton      *button,
                    CrPersonEditor *self)
{
  RowAction action = g_object_get_data (G_OBJECT (button), "action");
  gint64 *id = g_object_get_data (G_OBJECT (button), "record-id");

  action (self, *id);
}

static void
add_row_button (CrPersonEditor *self,
                GtkWidget      *row,
                const char     *label,
                const char     *tooltip,
                RowAction       action,
                gint64          id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "action", action);
  g_object_set_data_full (G_OBJECT (button), "record-id",
                          g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (row_button_clicked),
                           self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void changed_elsewhere (CrPersonEditor *self);

static void stand_down (CrPersonEditor *self,
                        gint64          office_id);

static void
load_offices (CrPersonEditor *self)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  clear_list (self->offices_list);
  if (self->person == NULL)
    return;
  list = cr_store_list_offices (self->store, cr_person_get_id (self->person),
                                &error);
  if (list == NULL)
    {
      g_warning ("Could not list offices: %s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      CrOffice *o = g_ptr_array_index (list, i);
      g_autofree char *title = g_strdup_printf ("%s, %s", o->role, o->group_name);
      g_autofree char *span = span_text (o->start_date, o->end_date);
      GtkWidget *row = record_row (title, span, o->end_date != NULL);

      if (o->end_date == NULL)
        add_row_button (self, row, _("_Stand Down…"), _("End this office"),
                        stand_down, o->id);
      gtk_list_box_append (self->offices_list, row);
    }
  if (list->len == 0)
    empty_row (self->offices_list, _("No offices held"));
}

static void
stand_down_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CrPersonEditor   *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "record-id");
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  if (!g_str_equal (response, "end"))
    return;
  if (!cr_form_get_date (dialog, "date", TRUE, &iso, &error) ||
      !cr_store_end_office (self->store, *id, iso, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("The Office Was Not Ended"), error->message);
  changed_elsewhere (self);
}

static void
stand_down (CrPersonEditor *self,
            gint64          office_id)
{
  AdwMessageDialog *dialog = form_dialog (self, _("Stand Down"),
                                          _("The office stays in the record "
                                            "with its last day."),
                                          "end", _("_Stand Down"), TRUE);

  cr_form_add (dialog, "date", _("Last day (DD/MM/YYYY)"),
            cr_form_date_entry ());
  g_object_set_data_full (G_OBJECT (dialog), "record-id",
                          g_memdup2 (&office_id, sizeof office_id), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (stand_down_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
take_office_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CrPersonEditor   *self)
{
  GtkDropDown *groups = g_object_get_data (G_OBJECT (dialog), "group");
  g_autoptr (CrGroup) group = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *role = NULL;
  gint64 previous = 0;

  if (!g_str_equal (response, "take"))
    return;
  group = g_list_model_get_item (gtk_drop_down_get_model (groups),
                                 gtk_drop_down_get_selected (groups));
  role = g_strstrip (g_strdup (cr_form_get_text (dialog, "role")));
  if (*role == '\0')
    g_set_error_literal (&error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                         _("Name the office: Chair, Secretary, Treasurer…"));
  if (error != NULL || group == NULL ||
      !cr_form_get_date (dialog, "date", TRUE, &iso, &error) ||
      cr_store_take_office (self->store, cr_person_get_id (self->person),
                            cr_group_get_id (group), role, iso, &previous,
                            &error) == 0)
    {
      if (error != NULL)
        cr_form_show_problem (GTK_WIDGET (self), _("Office Not Taken"), error->message);
      return;
    }
  changed_elsewhere (self);
}

static GtkWidget *
groups_dropdown (CrPersonEditor  *self,
                 GError         **error)
{
  g_autoptr (GPtrArray) list = cr_store_list_groups (self->store, error);
  g_autoptr (GListStore) store = NULL;
  GtkWidget *dropdown;

  if (list == NULL)
    return NULL;
  store = g_list_store_new (CR_TYPE_GROUP);
  g_list_store_splice (store, 0, 0, list->pdata, list->len);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&store)),
                                gtk_property_expression_new (CR_TYPE_GROUP,
                                                             NULL, "name"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  return dropdown;
}

static void
take_office_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *groups;

  if (self->person == NULL)
    return;
  groups = groups_dropdown (self, &error);
  if (groups == NULL)
    {
      cr_form_show_problem (GTK_WIDGET (self), _("Office Not Taken"), error->message);
      return;
    }
  dialog = form_dialog (self, _("Take Office"),
                        _("Whoever holds the office now hands it over the "
                          "day before."),
                        "take", _("_Take Office"), FALSE);
  cr_form_add (dialog, "role", _("Office"), cr_form_entry (NULL, _("Chair, Secretary, Treasurer…")));
  cr_form_add (dialog, "group", _("Of"), groups);
  cr_form_add (dialog, "date", _("From (DD/MM/YYYY)"), cr_form_date_entry ());
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (take_office_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The person's training record, in its own window (cr-person-training.c). */
static void
training_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);

  if (self->person != NULL)
    cr_person_training_show (widget, self->store, cr_person_get_id (self->person));
}

static void record_appeal (CrPersonEditor *self,
                           gint64          conduct_id);

static void
load_conduct (CrPersonEditor *self)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  clear_list (self->conduct_list);
  if (self->person == NULL)
    return;
  list = cr_store_list_conduct (self->store, cr_person_get_id (self->person),
                                &error);
  if (list == NULL)
    {
      g_warning ("Could not list conduct: %s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      CrConductEvent *e = g_ptr_array_index (list, i);
      g_autofree char *when = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (e->kind == CR_CONDUCT_SUSPENSION && e->end_date != NULL)
        when = span_text (e->start_date, e->end_date);
      else
        when = cr_date_iso_to_uk (e->start_date);
      title = g_strdup_printf ("%s, %s", cr_conduct_kind_get_label (e->kind),
                               when);
      if (e->appeal_outcome != CR_APPEAL_NONE)
        subtitle = g_strdup_printf ("%s. %s", e->reason,
                                    cr_appeal_outcome_get_label (e->appeal_outcome));
      else
        subtitle = g_strdup (e->reason);
      row = record_row (title, subtitle,
                        e->appeal_outcome == CR_APPEAL_OVERTURNED);
      if (e->appeal_outcome == CR_APPEAL_NONE ||
          e->appeal_outcome == CR_APPEAL_PENDING)
        add_row_button (self, row, _("_Appeal…"),
                        _("Record an appeal against this decision"),
                        record_appeal, e->id);
      gtk_list_box_append (self->conduct_list, row);
    }
  if (list->len == 0)
    empty_row (self->conduct_list, _("Nothing recorded"));
}

static void
add_conduct_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CrPersonEditor   *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  CrConductEvent event = { 0 };

  if (!g_str_equal (response, "record"))
    return;
  if (!cr_form_get_date (dialog, "start", TRUE, &start, &error) ||
      !cr_form_get_date (dialog, "end", FALSE, &end, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _("Not Recorded"), error->message);
      return;
    }
  event.person_id = cr_person_get_id (self->person);
  event.kind = cr_form_get_choice (dialog, "kind");
  event.start_date = start;
  event.end_date = event.kind == CR_CONDUCT_SUSPENSION ? end : NULL;
  event.reason = (char *) cr_form_get_text (dialog, "reason");
  event.decided_by = (char *) cr_form_get_text (dialog, "decided-by");
  if (cr_store_add_conduct (self->store, &event, &error) == 0)
    cr_form_show_problem (GTK_WIDGET (self), _("Not Recorded"), error->message);
  changed_elsewhere (self);
}

static void
add_conduct_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);
  const char *kinds[] = {
    cr_conduct_kind_get_label (CR_CONDUCT_WARNING),
    cr_conduct_kind_get_label (CR_CONDUCT_SUSPENSION),
    cr_conduct_kind_get_label (CR_CONDUCT_EXCLUSION),
    NULL
  };
  AdwMessageDialog *dialog;

  if (self->person == NULL)
    return;
  dialog = form_dialog (self, _("Record a Decision"),
                        _("A suspended or excluded person is marked in the "
                          "register and on sign-in sheets while it lasts."),
                        "record", _("_Record"), FALSE);
  cr_form_add (dialog, "kind", _("Decision"), gtk_drop_down_new_from_strings (kinds));
  cr_form_add (dialog, "start", _("From (DD/MM/YYYY)"), cr_form_date_entry ());
  cr_form_add (dialog, "end", _("Until, for a suspension (DD/MM/YYYY)"),
            cr_form_entry (NULL, _("Last day of the suspension")));
  cr_form_add (dialog, "reason", _("Reason"), cr_form_entry (NULL, _("What happened, briefly")));
  cr_form_add (dialog, "decided-by", _("Decided by"),
            cr_form_entry (NULL, _("e.g. Committee meeting of 04/03/2026")));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (add_conduct_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
appeal_response (AdwMessageDialog *dialog,
                 const char       *response,
                 CrPersonEditor   *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "record-id");
  g_autoptr (GError) error = NULL;
  g_autofree char *lodged = NULL;
  g_autofree char *decided = NULL;

  if (!g_str_equal (response, "record"))
    return;
  if (!cr_form_get_date (dialog, "lodged", TRUE, &lodged, &error) ||
      !cr_form_get_date (dialog, "decided", FALSE, &decided, &error) ||
      !cr_store_record_appeal (self->store, *id, lodged,
                               cr_form_get_choice (dialog, "outcome") + CR_APPEAL_PENDING,
                               decided, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("Appeal Not Recorded"), error->message);
  changed_elsewhere (self);
}

static void
record_appeal (CrPersonEditor *self,
               gint64          conduct_id)
{
  const char *outcomes[] = {
    cr_appeal_outcome_get_label (CR_APPEAL_PENDING),
    cr_appeal_outcome_get_label (CR_APPEAL_UPHELD),
    cr_appeal_outcome_get_label (CR_APPEAL_OVERTURNED),
    NULL
  };
  AdwMessageDialog *dialog = form_dialog (self, _("Appeal"), NULL, "record",
                                          _("_Record"), FALSE);

  cr_form_add (dialog, "lodged", _("Appeal made on (DD/MM/YYYY)"),
            cr_form_date_entry ());
  cr_form_add (dialog, "outcome", _("Outcome"),
            gtk_drop_down_new_from_strings (outcomes));
  cr_form_add (dialog, "decided", _("Decided on (DD/MM/YYYY)"),
            cr_form_entry (NULL, _("Empty while pending")));
  g_object_set_data_full (G_OBJECT (dialog), "record-id",
                          g_memdup2 (&conduct_id, sizeof conduct_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (appeal_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void end_interest (CrPersonEditor *self,
                          gint64          interest_id);

static void
load_interests (CrPersonEditor *self)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  clear_list (self->interests_list);
  if (self->person == NULL)
    return;
  list = cr_store_list_interests (self->store, cr_person_get_id (self->person),
                                  &error);
  if (list == NULL)
    {
      g_warning ("Could not list interests: %s", error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      CrInterest *interest = g_ptr_array_index (list, i);
      g_autofree char *span = span_text (interest->declared_on,
                                         interest->ended_on);
      GtkWidget *row = record_row (interest->description, span,
                                   interest->ended_on != NULL);

      if (interest->ended_on == NULL)
        add_row_button (self, row, _("_End…"),
                        _("The interest no longer stands"), end_interest,
                        interest->id);
      gtk_list_box_append (self->interests_list, row);
    }
  if (list->len == 0)
    empty_row (self->interests_list, _("None declared"));
}

static void
end_interest_response (AdwMessageDialog *dialog,
                       const char       *response,
                       CrPersonEditor   *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "record-id");
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  if (!g_str_equal (response, "end"))
    return;
  if (!cr_form_get_date (dialog, "date", TRUE, &iso, &error) ||
      !cr_store_end_interest (self->store, *id, iso, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("Not Ended"), error->message);
  changed_elsewhere (self);
}

static void
end_interest (CrPersonEditor *self,
              gint64          interest_id)
{
  AdwMessageDialog *dialog = form_dialog (self, _("End Declaration"), NULL,
                                          "end", _("_End"), FALSE);

  cr_form_add (dialog, "date", _("No longer stands from (DD/MM/YYYY)"),
            cr_form_date_entry ());
  g_object_set_data_full (G_OBJECT (dialog), "record-id",
                          g_memdup2 (&interest_id, sizeof interest_id), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (end_interest_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_interest_response (AdwMessageDialog *dialog,
                       const char       *response,
                       CrPersonEditor   *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  if (!g_str_equal (response, "declare"))
    return;
  if (!cr_form_get_date (dialog, "date", TRUE, &iso, &error) ||
      cr_store_add_interest (self->store, cr_person_get_id (self->person), iso,
                             cr_form_get_text (dialog, "what"), &error) == 0)
    cr_form_show_problem (GTK_WIDGET (self), _("Not Declared"), error->message);
  changed_elsewhere (self);
}

static void
add_interest_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);
  AdwMessageDialog *dialog;

  if (self->person == NULL)
    return;
  dialog = form_dialog (self, _("Declare an Interest"),
                        _("Anything that could be seen to sway their view: "
                          "work for the landlord or a contractor, a family "
                          "tie, a grant they benefit from."),
                        "declare", _("_Declare"), FALSE);
  cr_form_add (dialog, "what", _("Interest"),
            cr_form_entry (NULL, _("e.g. Works for the repairs contractor")));
  cr_form_add (dialog, "date", _("Declared on (DD/MM/YYYY)"),
            cr_form_date_entry ());
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (add_interest_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
erase_response (AdwMessageDialog *dialog,
                const char       *response,
                CrPersonEditor   *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "erase"))
    return;
  if (!cr_person_editor_erase (self, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("Not Erased"), error->message);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->person == NULL)
    return;
  heading = g_strdup_printf (_("Erase the Details of %s?"),
                             cr_person_get_name (self->person));
  dialog = form_dialog (self, heading,
                        _("Their name, address, phone, email, notes and "
                          "declarations are removed for good. Their "
                          "memberships and attendance stay, under “Former "
                          "member”, so past reports still add up. Someone "
                          "who has only left the group needs their "
                          "membership ended instead."),
                        "erase", _("_Erase"), TRUE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Consent records and subject access: the dialogs are in
 * cr-consent-dialog.c; the switch follows what the records now say. */
static void
consent_changed (GtkWidget  *widget,
                 gboolean    consent_to_contact,
                 const char *consent_date)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);
  g_autofree char *date = cr_date_iso_to_uk (consent_date);

  gtk_switch_set_active (self->consent_switch, consent_to_contact);
  gtk_editable_set_text (GTK_EDITABLE (self->consent_date_row),
                         date != NULL ? date : "");
  cr_person_set_consent (self->person, consent_to_contact, consent_date);
}

static void
privacy_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);

  if (self->person == NULL || cr_person_get_id (self->person) == 0)
    return;
  if (g_str_equal (action_name, "editor.consent"))
    cr_consent_dialog_present (widget, self->store,
                               cr_person_get_id (self->person),
                               cr_person_get_name (self->person),
                               consent_changed);
  else
    cr_consent_save_subject_access (widget, self->store,
                                    cr_person_get_id (self->person),
                                    cr_person_get_name (self->person));
}

static void
changed_elsewhere (CrPersonEditor *self)
{
  load_memberships (self);
  load_offices (self);
  load_conduct (self);
  load_interests (self);
  g_signal_emit (self, signals[SAVED], 0, cr_person_get_id (self->person), NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (cr_person_editor_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
  else if (error != NULL)
    cr_form_show_problem (GTK_WIDGET (self), _("Not Saved"), error->message);
}

/* GObject */

static void
fill_form (CrPersonEditor *self)
{
  CrPerson *p = self->person;
  g_autofree char *consent = NULL;
  g_autofree char *conduct = NULL;
  g_autofree char *today = NULL;
  GDate date;

  cr_date_today (&date);
  today = cr_date_to_uk (&date);

  if (p == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
      gtk_button_set_label (self->save_button, _("_Add"));
      gtk_editable_set_text (GTK_EDITABLE (self->join_date_row), today);
      gtk_widget_set_visible (GTK_WIDGET (self->memberships_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->offices_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->conduct_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->interests_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->erase_button), FALSE);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), cr_person_get_name (p));
  gtk_widget_set_visible (GTK_WIDGET (self->join_group), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->given_row), cr_person_get_given_name (p));
  gtk_editable_set_text (GTK_EDITABLE (self->family_row), cr_person_get_family_name (p));
#define SET(row, value) \
  gtk_editable_set_text (GTK_EDITABLE (row), (value) ? (value) : "")
  SET (self->address_row, cr_person_get_address (p));
  SET (self->block_row, cr_person_get_block (p));
  SET (self->postcode_row, cr_person_get_postcode (p));
  SET (self->phone_row, cr_person_get_phone (p));
  SET (self->email_row, cr_person_get_email (p));
  consent = cr_date_iso_to_uk (cr_person_get_consent_date (p));
  SET (self->consent_date_row, consent);
  conduct = cr_date_iso_to_uk (cr_person_get_conduct_signed_on (p));
  SET (self->conduct_row, conduct);
#undef SET
  gtk_switch_set_active (self->consent_switch, cr_person_get_consent_to_contact (p));
  adw_combo_row_set_selected (self->tenure_row, cr_person_get_tenure (p));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            cr_person_get_notes (p) ? cr_person_get_notes (p) : "",
                            -1);
  load_memberships (self);
  load_offices (self);
  load_conduct (self);
  load_interests (self);
}

static void
cr_person_editor_dispose (GObject *object)
{
  CrPersonEditor *self = CR_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_PERSON_EDITOR);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cr_person_editor_parent_class)->dispose (object);
}

static void
cr_person_editor_class_init (CrPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_person_editor_dispose;

  /**
   * CrPersonEditor::saved:
   * @id: the person's id
   * @before: (nullable): the person as they were, for an undo; %NULL for
   *   a new person
   *
   * Emitted after the person's details or memberships were written.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, G_TYPE_INT64, CR_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cr-person-editor.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, CrPersonEditor, name)
  BIND (name_group);
  BIND (address_group);
  BIND (contact_group);
  BIND (standing_group);
  BIND (join_group);
  BIND (memberships_group);
  BIND (offices_group);
  BIND (conduct_group);
  BIND (interests_group);
  BIND (offices_list);
  BIND (conduct_list);
  BIND (interests_list);
  BIND (erase_button);
  BIND (given_row);
  BIND (family_row);
  BIND (address_row);
  BIND (block_row);
  BIND (postcode_row);
  BIND (phone_row);
  BIND (email_row);
  BIND (consent_switch);
  BIND (consent_date_row);
  BIND (tenure_row);
  BIND (conduct_row);
  BIND (join_switch);
  BIND (join_date_row);
  BIND (memberships_list);
  BIND (notes_view);
  BIND (save_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, field_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   save_action);
  gtk_widget_class_install_action (widget_class, "editor.join", NULL,
                                   join_action);
  gtk_widget_class_install_action (widget_class, "editor.take-office", NULL,
                                   take_office_action);
  gtk_widget_class_install_action (widget_class, "editor.training", NULL,
                                   training_action);
  gtk_widget_class_install_action (widget_class, "editor.add-conduct", NULL,
                                   add_conduct_action);
  gtk_widget_class_install_action (widget_class, "editor.add-interest", NULL,
                                   add_interest_action);
  gtk_widget_class_install_action (widget_class, "editor.erase", NULL,
                                   erase_action);
  gtk_widget_class_install_action (widget_class, "editor.consent", NULL,
                                   privacy_action);
  gtk_widget_class_install_action (widget_class, "editor.subject-access", NULL,
                                   privacy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
cr_person_editor_init (CrPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cr_person_editor_new:
 * @store: the open, writable file
 * @person: (nullable): the person to change, or %NULL to add one
 *
 * Returns: (transfer floating): the editor, not yet shown
 */
CrPersonEditor *
cr_person_editor_new (CrStore  *store,
                      CrPerson *person)
{
  CrPersonEditor *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || CR_IS_PERSON (person), NULL);

  self = g_object_new (CR_TYPE_PERSON_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->person = person ? g_object_ref (person) : NULL;
  fill_form (self);
  field_changed (self);
  return self;
}

/**
 * cr_person_editor_is_valid:
 *
 * Returns: whether the form can be saved as it stands
 */
gboolean
cr_person_editor_is_valid (CrPersonEditor *self)
{
  g_return_val_if_fail (CR_IS_PERSON_EDITOR (self), FALSE);
  return self->valid;
}

/**
 * cr_person_editor_save:
 *
 * Writes the form in one transaction: the person, and for a new person
 * their membership of the association. Nothing is written if any field is
 * wrong (each says why).
 *
 * Returns: %TRUE if saved; %FALSE with @error set if the file refused, or
 *   with no error if the form is not valid yet
 */
gboolean
cr_person_editor_save (CrPersonEditor  *self,
                       GError         **error)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autofree char *join_date = NULL;
  gint64 id;

  g_return_val_if_fail (CR_IS_PERSON_EDITOR (self), FALSE);

  if (!read_form (self, person, &join_date))
    return FALSE;

  if (!cr_store_begin (self->store, error))
    return FALSE;

  if (self->person != NULL)
    {
      id = cr_person_get_id (self->person);
      cr_person_set_id (person, id);
      if (!cr_store_update_person (self->store, person, error))
        goto fail;
    }
  else
    {
      id = cr_store_add_person (self->store, person, error);
      if (id == 0)
        goto fail;
      if (join_date != NULL &&
          cr_store_add_membership (self->store, id,
                                   cr_store_get_association_group (self->store),
                                   CR_MEMBERSHIP_VOTING, join_date, error) == 0)
        goto fail;
    }

  if (!cr_store_commit (self->store, error))
    goto fail;

  g_signal_emit (self, signals[SAVED], 0, id, self->person);
  return TRUE;

fail:
  cr_store_rollback (self->store);
  return FALSE;
}

/**
 * cr_person_editor_join:
 * @group_id: the group
 * @kind: a #CrMembershipKind
 * @start_date: ISO date of the first day
 *
 * Makes the person a member of @group_id at once, after the group's
 * household rule has been checked.
 */
gboolean
cr_person_editor_join (CrPersonEditor  *self,
                       gint64           group_id,
                       int              kind,
                       const char      *start_date,
                       GError         **error)
{
  gint64 id;

  g_return_val_if_fail (CR_IS_PERSON_EDITOR (self), FALSE);
  g_return_val_if_fail (self->person != NULL, FALSE);

  id = cr_person_get_id (self->person);
  if (cr_store_add_membership (self->store, id, group_id, kind, start_date,
                               error) == 0)
    return FALSE;
  load_memberships (self);
  g_signal_emit (self, signals[SAVED], 0, id, NULL);
  return TRUE;
}

/**
 * cr_person_editor_end_membership:
 * @end_date: ISO date of the last day
 * @reason: a #CrEndReason
 */
gboolean
cr_person_editor_end_membership (CrPersonEditor  *self,
                                 gint64           membership_id,
                                 const char      *end_date,
                                 int              reason,
                                 GError         **error)
{
  g_return_val_if_fail (CR_IS_PERSON_EDITOR (self), FALSE);
  g_return_val_if_fail (self->person != NULL, FALSE);

  if (!cr_store_end_membership (self->store, membership_id, end_date, reason,
                                error))
    return FALSE;
  load_memberships (self);
  g_signal_emit (self, signals[SAVED], 0, cr_person_get_id (self->person), NULL);
  return TRUE;
}

/**
 * cr_person_editor_erase:
 *
 * Erases the person's details for good (cr_store_erase_person()), as the
 * confirmation dialog does once agreed.
 */
gboolean
cr_person_editor_erase (CrPersonEditor  *self,
                        GError         **error)
{
  g_return_val_if_fail (CR_IS_PERSON_EDITOR (self), FALSE);
  g_return_val_if_fail (self->person != NULL, FALSE);

  if (!cr_store_erase_person (self->store, cr_person_get_id (self->person),
                              error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, cr_person_get_id (self->person), NULL);
  return TRUE;
}
