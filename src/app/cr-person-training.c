/* cr-person-training.c: one person's training record, in its own window
 *
 * What they have done (with each certificate's expiry), where they stand
 * against the core programme of each group they belong to, what their
 * offices and memberships still need, and their skills. Opened from the
 * person editor and from the Training page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-person-training.h"

#include "cr-date.h"
#include "cr-form.h"
#include "cr-person.h"
#include "cr-rules.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"

#include <glib/gi18n.h>
#include <string.h>

static GtkWidget *
new_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
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

static const char *
state_style (CrCourseState state)
{
  switch (state)
    {
      case CR_COURSE_CURRENT:
        return "success";
      case CR_COURSE_EXPIRING:
        return "warning";
      case CR_COURSE_EXPIRED:
      case CR_COURSE_NOT_DONE:
      default:
        return "error";
    }
}

static AdwPreferencesGroup *
new_group (AdwPreferencesPage *page, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
fill_completion (AdwPreferencesGroup *group,
                 CrStore             *store,
                 GPtrArray           *records,
                 gint64               person_id,
                 const char          *today)
{
  g_autoptr (GPtrArray) memberships =
      cr_store_list_memberships (store, person_id, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n = 0;

  for (guint i = 0; memberships != NULL && i < memberships->len; i++)
    {
      CrMembership *m = g_ptr_array_index (memberships, i);
      g_autoptr (GArray) core = NULL;
      g_autoptr (CrRules) rules = NULL;
      g_autofree char *subtitle = NULL;
      CrCompletion     done;
      GtkWidget       *row;
      guint            threshold = 0;

      if (strcmp (m->start_date, today) > 0 ||
          (m->end_date != NULL && strcmp (m->end_date, today) < 0) ||
          !g_hash_table_add (seen, &m->group_id))
        continue;
      core = cr_store_list_core_courses (store, m->group_id, today, NULL);
      if (core == NULL || core->len == 0)
        continue;
      rules = cr_store_get_rules (store, m->group_id, today, NULL);
      if (rules != NULL &&
          cr_rules_has (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT))
        threshold =
            cr_rules_get_value (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT);
      done = cr_training_completion (records, core, today);
      subtitle = g_strdup_printf (_ ("%u of %u core courses (%u%%)"), done.done,
                                  done.total, cr_completion_percent (done));
      row = new_row (m->group_name, subtitle);
      if (threshold > 0)
        {
          gboolean         met = cr_completion_meets (done, threshold);
          g_autofree char *tag =
              met ? g_strdup (_ ("Threshold met"))
                  : g_strdup_printf (_ ("Below %u%%"), threshold);

          add_tag (row, tag, met ? "success" : "error");
        }
      adw_preferences_group_add (group, row);
      n++;
    }
  if (n == 0)
    adw_preferences_group_add (group,
                               new_row (_ ("Not a member of a group with "
                                           "a core programme today"),
                                        NULL));
}

static void
fill_records (AdwPreferencesGroup *group, GPtrArray *records, const char *today)
{
  if (records->len == 0)
    adw_preferences_group_add (group,
                               new_row (_ ("No training recorded yet"), NULL));
  for (guint i = 0; i < records->len; i++)
    {
      CrTrainingRecord *r = g_ptr_array_index (records, i);
      g_autofree char  *uk = cr_date_iso_to_uk (r->date);
      g_autoptr (GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      g_string_append_printf (subtitle, "%s %s",
                              cr_training_status_get_label (r->status), uk);
      if (r->certificate != NULL)
        g_string_append_printf (subtitle, _ (" · certificate %s"),
                                r->certificate);
      if (r->status == CR_TRAINING_COMPLETED && r->validity_months > 0)
        {
          g_autofree char *expiry =
              cr_training_expiry (r->date, r->validity_months);
          g_autofree char *expiry_uk = cr_date_iso_to_uk (expiry);

          g_string_append_printf (subtitle, _ (" · expires %s"), expiry_uk);
        }
      row = new_row (r->course_title, subtitle->str);
      if (r->status == CR_TRAINING_COMPLETED)
        {
          /* The state of the course as this record leaves it, judged on
           * this record alone so that an old, renewed one shows as
           * expired. */
          g_autoptr (GPtrArray) one = g_ptr_array_new ();
          CrCourseState state;

          g_ptr_array_add (one, r);
          state = cr_training_course_state (one, r->course_id,
                                            r->validity_months, today, NULL);
          add_tag (row, cr_course_state_get_label (state), state_style (state));
        }
      else
        add_tag (row, cr_training_status_get_label (r->status), "dim-label");
      adw_preferences_group_add (group, row);
    }
}

static void
fill_needs (AdwPreferencesGroup *group,
            CrStore             *store,
            gint64               person_id,
            const char          *today)
{
  g_autoptr (GPtrArray) needs =
      cr_store_list_role_needs (store, person_id, today, NULL);

  if (needs == NULL || needs->len == 0)
    adw_preferences_group_add (group, new_row (_ ("Their roles ask for no "
                                                  "particular course"),
                                               NULL));
  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      CrRoleNeed *n = g_ptr_array_index (needs, i);
      /* Translators: "Treasurer of Committee". */
      g_autofree char *subtitle =
          g_strdup_printf (_ ("%s of %s"), n->role, n->group_name);
      GtkWidget *row = new_row (n->course_title, subtitle);

      add_tag (row,
               n->state == CR_COURSE_NOT_DONE
                   ? _ ("Still needed")
                   : cr_course_state_get_label (n->state),
               state_style (n->state));
      adw_preferences_group_add (group, row);
    }
}

/* What the Skills group needs to change the person's skills. */
typedef struct
{
  CrStore    *store;
  gint64      person_id;
  GtkListBox *list;
} Skills;

static void
skills_free (gpointer data)
{
  Skills *s = data;

  g_clear_object (&s->store);
  g_free (s);
}

static void fill_skill_list (Skills *s);

static void
remove_skill (GtkButton *button, Skills *s)
{
  g_autoptr (GError) error = NULL;
  const char *name = g_object_get_data (G_OBJECT (button), "skill");
  gint64      skill = cr_store_ensure_skill (s->store, name, &error);

  if (skill == 0 || !cr_store_set_person_skill (s->store, s->person_id, skill,
                                                FALSE, NULL, &error))
    {
      cr_form_show_problem (GTK_WIDGET (s->list),
                            _ ("The skill was not removed"), error->message);
      return;
    }
  fill_skill_list (s);
}

static void
fill_skill_list (Skills *s)
{
  g_autoptr (GPtrArray) skills =
      cr_store_list_person_skills (s->store, s->person_id, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (s->list))) != NULL)
    gtk_list_box_remove (s->list, child);
  if (skills == NULL || skills->len == 0)
    gtk_list_box_append (s->list, new_row (_ ("No skills recorded"), NULL));
  for (guint i = 0; skills != NULL && i < skills->len; i++)
    {
      const char *name = g_ptr_array_index (skills, i);
      GtkWidget  *row = new_row (name, NULL);
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_ ("Remove “%s”"), name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "skill", g_strdup (name),
                              g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_skill), s);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (s->list, row);
    }
}

static void
add_skill_response (AdwMessageDialog *form,
                    const char       *response,
                    GtkWidget        *window)
{
  Skills *s = g_object_get_data (G_OBJECT (window), "skills");
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();
  gint64           skill;

  if (!g_str_equal (response, "add"))
    return;
  if (!cr_store_begin (s->store, &error) ||
      (skill = cr_store_ensure_skill (
           s->store, cr_form_get_text (form, "skill"), &error)) == 0 ||
      !cr_store_set_person_skill (s->store, s->person_id, skill, TRUE, today,
                                  &error) ||
      !cr_store_commit (s->store, &error))
    {
      cr_store_rollback (s->store);
      cr_form_show_problem (GTK_WIDGET (s->list), _ ("The skill was not added"),
                            error->message);
      return;
    }
  fill_skill_list (s);
}

static void
add_skill_clicked (GtkButton *button, gpointer user_data)
{
  AdwMessageDialog *form =
      cr_form_new (GTK_WIDGET (button), _ ("Add a Skill"), NULL, "add",
                   _ ("_Add"), ADW_RESPONSE_SUGGESTED);

  cr_form_add (form, "skill", _ ("Skill"),
               cr_form_entry (NULL, _ ("Chairing, minute taking, finance…")));
  /* Disconnected if the record's window goes first. */
  g_signal_connect_object (form, "response", G_CALLBACK (add_skill_response),
                           gtk_widget_get_root (GTK_WIDGET (button)), 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
fill_skills (AdwPreferencesGroup *group,
             GtkWidget           *window,
             CrStore             *store,
             gint64               person_id)
{
  Skills    *s = g_new0 (Skills, 1);
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Add Skill…"));

  s->store = g_object_ref (store);
  s->person_id = person_id;
  s->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (s->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (s->list), "boxed-list");
  adw_preferences_group_add (group, GTK_WIDGET (s->list));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (group, button);
  /* The window owns the state its buttons share. */
  g_object_set_data_full (G_OBJECT (window), "skills", s, skills_free);
  g_signal_connect (button, "clicked", G_CALLBACK (add_skill_clicked), s);
  fill_skill_list (s);
}

/**
 * cr_person_training_show:
 * @near: a widget of the window to open it over
 * @store: the association file
 * @person_id: whose record
 *
 * Opens the person's training record.
 *
 * Returns: (transfer none): the window, shown
 */
GtkWidget *
cr_person_training_show (GtkWidget *near, CrStore *store, gint64 person_id)
{
  g_autofree char *today = cr_date_today_iso ();
  g_autoptr (CrPerson) person = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  GtkRoot   *root = near != NULL ? gtk_widget_get_root (near) : NULL;
  GtkWidget *window, *box, *header, *page;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  person = cr_store_get_person (store, person_id, today, &error);
  records = cr_store_list_training (store, person_id, error ? NULL : &error);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _ ("Training Record"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 680);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (
      ADW_HEADER_BAR (header),
      adw_window_title_new (person ? cr_person_get_name (person)
                                   : _ ("Training Record"),
                            _ ("Training record")));
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  if (person == NULL || records == NULL)
    {
      AdwPreferencesGroup *group =
          new_group (ADW_PREFERENCES_PAGE (page), _ ("Can’t read the record"),
                     error ? error->message : NULL);

      (void) group;
    }
  else
    {
      fill_completion (new_group (ADW_PREFERENCES_PAGE (page),
                                  _ ("Core Programme"),
                                  _ ("Completion in each group they belong to, "
                                     "against its training threshold.")),
                       store, records, person_id, today);
      fill_needs (new_group (ADW_PREFERENCES_PAGE (page),
                             _ ("What Their Roles Need"),
                             _ ("Courses their offices and memberships "
                                "require.")),
                  store, person_id, today);
      fill_records (new_group (ADW_PREFERENCES_PAGE (page), _ ("Courses"),
                               _ ("Newest first.")),
                    records, today);
      fill_skills (new_group (ADW_PREFERENCES_PAGE (page), _ ("Skills"),
                              _ ("What they can bring to a group, for the "
                                 "skills audit.")),
                   window, store, person_id);
    }

  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                          gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
