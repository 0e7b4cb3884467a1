/* cr-terms-page.c: a group's terms of reference: versions, sections, rules
 *
 * The group chosen in the window's switcher (the association's own terms
 * when "All groups" is chosen). Its versions are in the drop-down, newest
 * first: adopted ones are history, shown read-only; the draft is edited
 * here. "Edit" makes a draft from the version in force, "Adopt…" asks the
 * date and the meeting that agreed it. Sections are added, edited,
 * moved and removed, each change saved at once; each rule shows what it
 * means and is checked as it is typed by the engine's own parser, and is
 * saved on Enter or on leaving the field. "Print…" prints what is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-terms-page.h"

#include "cr-date.h"
#include "cr-form.h"
#include "cr-meeting.h"
#include "cr-print-operation.h"
#include "cr-print-terms.h"
#include "cr-rules.h"
#include "cr-store-groups.h"
#include "cr-store-meetings.h"
#include "cr-store-rules.h"

#include <glib/gi18n.h>

struct _CrTermsPage
{
  GtkWidget parent_instance;

  CrStore    *store;
  gint64      group_id;   /* 0: the association's */
  GPtrArray  *versions;   /* of CrTermsVersion, oldest first */
  GPtrArray  *sections;   /* of CrTermsSection, of the one shown */
  gint64      version_id; /* the one shown, or 0 */
  gboolean    editable;
  gboolean    filling; /* the drop-down is being rebuilt */
  GHashTable *entries; /* rule key → its GtkEntry */

  GtkDropDown   *version_dropdown;
  GtkStringList *version_names;
  GtkLabel      *state_label;
  GtkButton     *edit_button;
  GtkButton     *adopt_button;
  GtkButton     *print_button;
  GtkStack      *stack;
  GtkButton     *add_section_button;
  GtkListBox    *sections_list;
  GtkListBox    *rules_list;
};

G_DEFINE_FINAL_TYPE (CrTermsPage, cr_terms_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_GROUP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_version (CrTermsPage *self);

static gint64
group_of (CrTermsPage *self)
{
  return self->group_id ? self->group_id
                        : cr_store_get_association_group (self->store);
}

static void
problem (CrTermsPage *self, const char *heading, GError *error)
{
  cr_form_show_problem (GTK_WIDGET (self), heading, error->message);
}

static CrTermsVersion *
version_at (CrTermsPage *self, guint position)
{
  /* The drop-down lists the newest first. */
  if (self->versions == NULL || position >= self->versions->len)
    return NULL;
  return g_ptr_array_index (self->versions, self->versions->len - 1 - position);
}

static CrTermsVersion *
current_version (CrTermsPage *self)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      CrTermsVersion *v = g_ptr_array_index (self->versions, i);

      if (v->id == self->version_id)
        return v;
    }
  return NULL;
}

static gboolean
has_draft (CrTermsPage *self)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    if (((CrTermsVersion *) g_ptr_array_index (self->versions, i))->status ==
        CR_TERMS_DRAFT)
      return TRUE;
  return FALSE;
}

static char *
version_label (CrTermsPage *self, CrTermsVersion *v)
{
  g_autofree char *when = NULL;
  g_autoptr (CrMeeting) meeting = NULL;

  if (v->status == CR_TERMS_DRAFT)
    return g_strdup_printf (_ ("Version %u — draft"), v->version);
  when = cr_date_iso_to_uk (v->adopted_on);
  if (v->adopted_at_meeting > 0)
    meeting = cr_store_get_meeting (self->store, v->adopted_at_meeting, NULL);
  if (meeting != NULL)
    {
      g_autofree char *at = cr_date_iso_to_uk (meeting->date);

      return g_strdup_printf (_ ("Version %u, adopted %s at the meeting of %s"),
                              v->version, when, at);
    }
  return g_strdup_printf (_ ("Version %u, adopted %s"), v->version, when);
}

/* ---- sections ---------------------------------------------------------- */

static gboolean
save_sections (CrTermsPage *self)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->sections->len; i++)
    ((CrTermsSection *) g_ptr_array_index (self->sections, i))->position =
        i + 1;
  if (cr_store_set_terms_sections (self->store, self->version_id,
                                   self->sections, &error))
    return TRUE;
  problem (self, _ ("The Sections Could Not Be Saved"), error);
  return FALSE;
}

static void
reread_sections (CrTermsPage *self)
{
  /* What is on screen is what is in the file, even after a refusal. */
  show_version (self);
}

static void
move_section (GtkButton *button, CrTermsPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int   step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));
  guint j = i + step;
  gpointer tmp;

  if (j >= self->sections->len)
    return;
  tmp = self->sections->pdata[i];
  self->sections->pdata[i] = self->sections->pdata[j];
  self->sections->pdata[j] = tmp;
  save_sections (self);
  reread_sections (self);
}

static void
remove_response (AdwMessageDialog *dialog,
                 const char       *response,
                 CrTermsPage      *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));

  if (g_strcmp0 (response, "remove") != 0 || i >= self->sections->len)
    return;
  g_ptr_array_remove_index (self->sections, i);
  save_sections (self);
  reread_sections (self);
}

static void
remove_section (GtkButton *button, CrTermsPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  CrTermsSection   *s;
  g_autofree char  *body = NULL;
  AdwMessageDialog *dialog;

  if (i >= self->sections->len)
    return;
  s = g_ptr_array_index (self->sections, i);
  body = g_strdup_printf (_ ("“%s” will be taken out of the draft. Adopted "
                             "versions keep it."),
                          s->heading);
  dialog = cr_form_new (GTK_WIDGET (self), _ ("Remove Section?"), body,
                        "remove", _ ("_Remove"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (i));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
section_response (AdwMessageDialog *dialog,
                  const char       *response,
                  CrTermsPage      *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "index"));
  GtkTextView     *view = g_object_get_data (G_OBJECT (dialog), "text");
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *heading = g_strdup (cr_form_get_text (dialog, "heading"));
  g_autofree char *text = NULL;
  GtkTextIter      start, end;
  CrTermsSection  *s;

  if (g_strcmp0 (response, "save") != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (index < 0)
    {
      s = g_new0 (CrTermsSection, 1);
      g_ptr_array_add (self->sections, s);
    }
  else if ((guint) index < self->sections->len)
    s = g_ptr_array_index (self->sections, index);
  else
    return;
  g_free (s->heading);
  s->heading = g_steal_pointer (&heading);
  g_free (s->text);
  s->text = g_steal_pointer (&text);
  save_sections (self);
  reread_sections (self);
}

/* The dialog that writes a section: @index -1 for a new one. */
static void
edit_section_dialog (CrTermsPage *self, int index)
{
  CrTermsSection *s =
      index >= 0 ? g_ptr_array_index (self->sections, index) : NULL;
  AdwMessageDialog *dialog;
  GtkWidget        *scrolled, *view;

  dialog = cr_form_new (
      GTK_WIDGET (self), s ? _ ("Edit Section") : _ ("Add Section"), NULL,
      "save", s ? _ ("_Save") : _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (dialog, "heading", _ ("Heading"),
               cr_form_entry (s ? s->heading : "", _ ("Membership")));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  if (s != NULL && s->text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                              s->text, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              160);
  gtk_widget_set_size_request (scrolled, 380, -1);
  gtk_widget_add_css_class (scrolled, "card");
  cr_form_add (dialog, "text", _ ("Text"), scrolled);
  g_object_set_data (G_OBJECT (dialog), "text", view);
  g_object_set_data (G_OBJECT (dialog), "index", GINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (section_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_section (GtkButton *button, CrTermsPage *self)
{
  edit_section_dialog (
      self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
add_section_clicked (CrTermsPage *self)
{
  if (self->editable)
    edit_section_dialog (self, -1);
}

static GtkWidget *
section_button (CrTermsPage *self,
                const char  *icon,
                const char  *tooltip,
                guint        index,
                int          step,
                GCallback    callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (step));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void
fill_sections (CrTermsPage *self)
{
  GtkWidget *child;

  while (
      (child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list))))
    gtk_list_box_remove (self->sections_list, child);
  for (guint i = 0; i < self->sections->len; i++)
    {
      CrTermsSection  *s = g_ptr_array_index (self->sections, i);
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, s->heading);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   s->text ? s->text : "");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      if (self->editable)
        {
          GtkWidget *up, *down;

          up = section_button (self, "go-up-symbolic", _ ("Move Up"), i, -1,
                               G_CALLBACK (move_section));
          down = section_button (self, "go-down-symbolic", _ ("Move Down"), i,
                                 1, G_CALLBACK (move_section));
          gtk_widget_set_sensitive (up, i > 0);
          gtk_widget_set_sensitive (down, i + 1 < self->sections->len);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
          adw_action_row_add_suffix (
              ADW_ACTION_ROW (row),
              section_button (self, "document-edit-symbolic", _ ("Edit"), i, 0,
                              G_CALLBACK (edit_section)));
          adw_action_row_add_suffix (
              ADW_ACTION_ROW (row),
              section_button (self, "user-trash-symbolic", _ ("Remove"), i, 0,
                              G_CALLBACK (remove_section)));
        }
      gtk_list_box_append (self->sections_list, row);
    }
  if (self->sections->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->editable
                                         ? _ ("No sections yet: add the first")
                                         : _ ("No sections"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->sections_list, row);
    }
}

/* ---- rules ------------------------------------------------------------- */

/* Checks @value as `rules set` would; %NULL if it is good. */
static char *
rule_problem (const char *key, const char *value)
{
  g_autoptr (CrRules) scratch = cr_rules_new ();
  g_autoptr (GError) error = NULL;

  if (cr_rules_set (scratch, key, *value ? value : "none", &error))
    return NULL;
  return g_strdup (error->message);
}

static void
rule_changed (GtkEditable *entry, CrTermsPage *self)
{
  const char      *key = g_object_get_data (G_OBJECT (entry), "key");
  g_autofree char *why = rule_problem (key, gtk_editable_get_text (entry));

  if (why != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), why);
}

static gboolean
save_rule (CrTermsPage *self, GtkEditable *entry, gboolean tell)
{
  const char      *key = g_object_get_data (G_OBJECT (entry), "key");
  const char      *saved = g_object_get_data (G_OBJECT (entry), "saved");
  g_autofree char *value =
      g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;
  g_autoptr (CrRules) scratch = cr_rules_new ();

  if (!self->editable || g_strcmp0 (value, saved) == 0)
    return TRUE;
  if (*value == '\0')
    {
      g_free (value);
      value = g_strdup ("none");
    }
  if (!cr_rules_set (scratch, key, value, &error) ||
      !cr_store_set_draft_rule (self->store, group_of (self), key, value,
                                &error))
    {
      if (tell)
        problem (self, _ ("The Rule Could Not Be Saved"), error);
      return FALSE;
    }
  {
    g_autofree char *shown = cr_rules_get_string (scratch, key);

    g_object_set_data_full (G_OBJECT (entry), "saved", g_strdup (shown),
                            g_free);
    gtk_editable_set_text (entry, shown);
  }
  return TRUE;
}

static void
rule_activated (GtkEntry *entry, CrTermsPage *self)
{
  save_rule (self, GTK_EDITABLE (entry), TRUE);
}

static void
rule_focus_left (GtkEventControllerFocus *controller, CrTermsPage *self)
{
  GtkWidget *entry =
      gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* A value still wrong stays as typed, marked, until it is put right. */
  save_rule (self, GTK_EDITABLE (entry), FALSE);
}

static void
fill_rules (CrTermsPage *self, CrRules *rules)
{
  const char *const *keys = cr_rules_get_keys ();
  GtkWidget         *child;

  g_hash_table_remove_all (self->entries);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))))
    gtk_list_box_remove (self->rules_list, child);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget          *row = adw_action_row_new ();
      GtkWidget          *entry = gtk_entry_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_autofree char    *value = cr_rules_get_string (rules, keys[i]);
      CrRuleKey           key;

      cr_rules_key_from_string (keys[i], &key);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cr_rules_key_get_label (key));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   cr_rules_key_get_help (key));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_editable_set_text (GTK_EDITABLE (entry), value);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
      gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
      gtk_widget_set_can_focus (entry, self->editable);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      if (!self->editable)
        gtk_widget_add_css_class (entry, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cr_rules_key_get_label (key), -1);
      g_object_set_data (G_OBJECT (entry), "key", (gpointer) keys[i]);
      g_object_set_data_full (G_OBJECT (entry), "saved", g_strdup (value),
                              g_free);
      g_signal_connect_object (entry, "changed", G_CALLBACK (rule_changed),
                               self, 0);
      g_signal_connect_object (entry, "activate", G_CALLBACK (rule_activated),
                               self, 0);
      g_signal_connect_object (focus, "leave", G_CALLBACK (rule_focus_left),
                               self, 0);
      gtk_widget_add_controller (entry, focus);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
      gtk_list_box_append (self->rules_list, row);
      g_hash_table_insert (self->entries, (gpointer) keys[i], entry);
    }
}

/* ---- versions ---------------------------------------------------------- */

static void
show_version (CrTermsPage *self)
{
  CrTermsVersion *v = current_version (self);
  g_autoptr (CrRules) rules = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *today = cr_date_today_iso ();
  gint64           in_force = 0;

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->sections =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_terms_section_free);
  self->editable = FALSE;
  if (v == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (GTK_WIDGET (self->edit_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->adopt_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->print_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->version_dropdown), FALSE);
      gtk_label_set_text (self->state_label, "");
      return;
    }

  g_ptr_array_unref (self->sections);
  self->sections = cr_store_get_terms_sections (self->store, v->id, &error);
  if (self->sections != NULL)
    rules = cr_store_get_version_rules (self->store, v->id, &error);
  if (self->sections == NULL || rules == NULL)
    {
      g_warning ("Could not read the terms of reference: %s", error->message);
      if (self->sections == NULL)
        self->sections = g_ptr_array_new_with_free_func (
            (GDestroyNotify) cr_terms_section_free);
      rules = cr_rules_new ();
    }
  cr_store_get_terms_in_force (self->store, group_of (self), today, &in_force,
                               NULL);

  self->editable =
      v->status == CR_TERMS_DRAFT && cr_store_is_writable (self->store);
  if (v->status == CR_TERMS_DRAFT)
    state = g_strdup (_ ("Being edited; not checked until adopted"));
  else if (v->id == in_force)
    state = g_strdup (_ ("In force"));
  else
    state = g_strdup (_ ("History: read only"));
  {
    /* Say whose terms these are: the switcher may be out of sight. */
    g_autoptr (CrGroupInfo) group =
        cr_store_get_group_info (self->store, group_of (self), NULL);
    g_autofree char *line =
        g_strdup_printf ("%s · %s", group ? group->name : "", state);

    gtk_label_set_text (self->state_label, line);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_label), line);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->version_dropdown), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->print_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button),
                          !has_draft (self) &&
                              cr_store_is_writable (self->store));
  gtk_widget_set_visible (GTK_WIDGET (self->adopt_button), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_section_button),
                          self->editable);
  fill_sections (self);
  fill_rules (self, rules);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
version_selected (CrTermsPage *self)
{
  CrTermsVersion *v;

  if (self->filling)
    return;
  v = version_at (self, gtk_drop_down_get_selected (self->version_dropdown));
  self->version_id = v ? v->id : 0;
  show_version (self);
}

/**
 * cr_terms_page_reload:
 *
 * Reads the group's versions again; keeps the one shown if it is still
 * there, or else shows the draft, or else the version in force.
 */
void
cr_terms_page_reload (CrTermsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();
  gint64           keep, in_force = 0, draft = 0;
  guint            selected = 0;
  guint            n_names;

  g_return_if_fail (CR_IS_TERMS_PAGE (self));

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->filling = TRUE;
  n_names = g_list_model_get_n_items (G_LIST_MODEL (self->version_names));
  gtk_string_list_splice (self->version_names, 0, n_names, NULL);
  self->filling = FALSE;
  if (self->store == NULL)
    {
      self->version_id = 0;
      show_version (self);
      return;
    }

  self->versions = cr_store_list_terms (self->store, group_of (self), &error);
  if (self->versions == NULL)
    {
      g_warning ("Could not read the terms of reference: %s", error->message);
      self->version_id = 0;
      show_version (self);
      return;
    }
  cr_store_get_terms_in_force (self->store, group_of (self), today, &in_force,
                               NULL);
  keep = self->version_id;
  self->version_id = 0;
  self->filling = TRUE;
  for (guint i = 0; i < self->versions->len; i++)
    {
      CrTermsVersion  *v = version_at (self, i);
      g_autofree char *label = version_label (self, v);

      gtk_string_list_append (self->version_names, label);
      if (v->status == CR_TERMS_DRAFT)
        draft = v->id;
    }
  keep = keep ? keep : draft ? draft : in_force;
  for (guint i = 0; i < self->versions->len; i++)
    if (version_at (self, i)->id == keep)
      selected = i;
  if (self->versions->len > 0)
    {
      gtk_drop_down_set_selected (self->version_dropdown, selected);
      self->version_id = version_at (self, selected)->id;
    }
  self->filling = FALSE;
  show_version (self);
}

/**
 * cr_terms_page_edit:
 *
 * Makes a draft from the version in force (or a blank one), and shows it.
 *
 * Returns: %FALSE if the file refused
 */
gboolean
cr_terms_page_edit (CrTermsPage *self)
{
  g_autoptr (GError) error = NULL;
  gint64 draft;

  g_return_val_if_fail (CR_IS_TERMS_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  draft = cr_store_ensure_terms_draft (self->store, group_of (self), &error);
  if (draft == 0)
    {
      problem (self, _ ("No Draft Could Be Made"), error);
      return FALSE;
    }
  self->version_id = draft;
  cr_terms_page_reload (self);
  return TRUE;
}

static void
edit_clicked (CrTermsPage *self)
{
  cr_terms_page_edit (self);
}

static void
adopt_response (AdwMessageDialog *dialog,
                const char       *response,
                CrTermsPage      *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "meeting-ids");
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;
  guint            choice;
  gint64           meeting = 0;

  if (g_strcmp0 (response, "adopt") != 0)
    return;
  if (!cr_form_get_date (dialog, "date", TRUE, &iso, &error))
    {
      problem (self, _ ("The Terms Were Not Adopted"), error);
      return;
    }
  choice = cr_form_get_choice (dialog, "meeting");
  if (choice > 0 && choice <= ids->len)
    meeting = g_array_index (ids, gint64, choice - 1);
  if (!cr_store_adopt_terms (self->store, group_of (self), iso, meeting,
                             &error))
    {
      problem (self, _ ("The Terms Were Not Adopted"), error);
      return;
    }
  cr_terms_page_reload (self);
}

static void
adopt_clicked (CrTermsPage *self)
{
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GArray           *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AdwMessageDialog *dialog;
  GtkWidget        *dropdown;

  if (!self->editable)
    {
      g_array_unref (ids);
      return;
    }
  gtk_string_list_append (names, _ ("Not at a meeting"));
  meetings = cr_store_list_meetings (self->store, group_of (self), NULL);
  /* The latest meetings first: the one that agreed it is usually recent. */
  for (guint i = meetings ? meetings->len : 0; i-- > 0;)
    {
      CrMeeting       *m = g_ptr_array_index (meetings, i);
      g_autofree char *when = NULL;

      if (m->status == CR_MEETING_STATUS_CANCELLED)
        continue;
      when = cr_date_iso_to_uk (m->date);
      gtk_string_list_append (names, when);
      g_array_append_val (ids, m->id);
    }
  dialog = cr_form_new (GTK_WIDGET (self), _ ("Adopt the Draft?"),
                        _ ("From this date the draft is the group’s terms of "
                           "reference, and its rules are the ones checked. "
                           "It can’t be changed afterwards: a later change "
                           "is a new version."),
                        "adopt", _ ("_Adopt"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (dialog, "date", _ ("Adopted on"), cr_form_date_entry ());
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), ids->len > 0 ? 1 : 0);
  cr_form_add (dialog, "meeting", _ ("At the meeting of"), dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "meeting-ids", ids,
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (adopt_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
doc_pages (gconstpointer data)
{
  return cr_page_doc_get_n_pages ((CrPageDoc *) data);
}

static void
doc_draw (
    gconstpointer data, cairo_t *cr, int page, double width, double height)
{
  cr_page_doc_draw_page ((CrPageDoc *) data, cr, page, width, height);
}

/**
 * cr_terms_page_print:
 *
 * Prints the version shown, through the print dialog.
 */
void
cr_terms_page_print (CrTermsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  CrPageDoc       *doc;

  g_return_if_fail (CR_IS_TERMS_PAGE (self));

  if (self->store == NULL || self->version_id == 0)
    return;
  doc = cr_print_terms_build (self->store, group_of (self), self->version_id,
                              &title, &error);
  if (doc == NULL)
    {
      problem (self, _ ("Nothing to Print"), error);
      return;
    }
  cr_print_document (GTK_WIDGET (self), title, doc,
                     (GDestroyNotify) cr_page_doc_free, doc_pages, doc_draw);
}

static void
print_clicked (CrTermsPage *self)
{
  cr_terms_page_print (self);
}

/* ---- the class --------------------------------------------------------- */

static void
cr_terms_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrTermsPage *self = CR_TERMS_PAGE (object);

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
cr_terms_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrTermsPage *self = CR_TERMS_PAGE (object);

  switch (prop_id)
    {
      case PROP_GROUP_ID:
        cr_terms_page_set_group_id (self, g_value_get_int64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_terms_page_dispose (GObject *object)
{
  CrTermsPage *self = CR_TERMS_PAGE (object);
  GtkWidget   *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_TERMS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  G_OBJECT_CLASS (cr_terms_page_parent_class)->dispose (object);
}

static void
cr_terms_page_class_init (CrTermsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_terms_page_dispose;
  object_class->get_property = cr_terms_page_get_property;
  object_class->set_property = cr_terms_page_set_property;

  properties[PROP_GROUP_ID] = g_param_spec_int64 (
      "group-id", NULL, NULL, 0, G_MAXINT64, 0,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/cr-terms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage,
                                        version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage,
                                        version_names);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage,
                                        adopt_button);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage,
                                        print_button);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage,
                                        add_section_button);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage,
                                        sections_list);
  gtk_widget_class_bind_template_child (widget_class, CrTermsPage, rules_list);
  gtk_widget_class_bind_template_callback (widget_class, version_selected);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, adopt_clicked);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, add_section_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cr_terms_page_init (CrTermsPage *self)
{
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cr_terms_page_set_store:
 * @store: (nullable): the open file
 */
void
cr_terms_page_set_store (CrTermsPage *self, CrStore *store)
{
  g_return_if_fail (CR_IS_TERMS_PAGE (self));

  g_set_object (&self->store, store);
  self->version_id = 0;
  cr_terms_page_reload (self);
}

gint64
cr_terms_page_get_group_id (CrTermsPage *self)
{
  g_return_val_if_fail (CR_IS_TERMS_PAGE (self), 0);
  return self->group_id;
}

/**
 * cr_terms_page_set_group_id:
 * @group_id: the group, or 0 for the association's own terms
 */
void
cr_terms_page_set_group_id (CrTermsPage *self, gint64 group_id)
{
  g_return_if_fail (CR_IS_TERMS_PAGE (self));

  if (self->group_id == group_id)
    return;
  self->group_id = group_id;
  self->version_id = 0;
  cr_terms_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_ID]);
}

/**
 * cr_terms_page_get_version_id:
 *
 * Returns: the version shown, or 0
 */
gint64
cr_terms_page_get_version_id (CrTermsPage *self)
{
  g_return_val_if_fail (CR_IS_TERMS_PAGE (self), 0);
  return self->version_id;
}

/**
 * cr_terms_page_is_editable:
 *
 * Returns: whether the version shown is the draft, open to edits
 */
gboolean
cr_terms_page_is_editable (CrTermsPage *self)
{
  g_return_val_if_fail (CR_IS_TERMS_PAGE (self), FALSE);
  return self->editable;
}

/**
 * cr_terms_page_set_rule_text:
 * @key: a rule's key
 * @value: what a person types in its field
 * @problem: (out) (optional) (transfer full): the message shown beside
 *   the field if @value is wrong
 *
 * Types @value into the rule's field and presses Enter, as a person would
 * (for tests).
 *
 * Returns: whether the value was good and saved
 */
gboolean
cr_terms_page_set_rule_text (CrTermsPage *self,
                             const char  *key,
                             const char  *value,
                             char       **problem_out)
{
  GtkEditable *entry;

  g_return_val_if_fail (CR_IS_TERMS_PAGE (self), FALSE);

  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    return FALSE;
  gtk_editable_set_text (entry, value);
  if (problem_out != NULL)
    *problem_out = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)));
  if (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    return FALSE;
  return save_rule (self, entry, FALSE);
}
