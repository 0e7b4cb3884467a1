/* cr-meetings-page.c: meetings, their attendance, agenda, minutes and actions
 *
 * The meetings of the association and its groups on the left, newest
 * first; the chosen one on the right in three tabs. Attendance is marked
 * with one click or one key a person (P, A, X), saved at once, and the
 * quorum line follows each mark. Minutes are saved as they are typed.
 * Decisions take their outcome from the votes, never from a typed word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-meetings-page.h"

#include "cr-date.h"
#include "cr-fold-box.h"
#include "cr-form.h"
#include "cr-group.h"
#include "cr-member-import.h"
#include "cr-print-agenda.h"
#include "cr-print-attendance-sheet.h"
#include "cr-print-meeting.h"
#include "cr-print-minutes.h"
#include "cr-print-operation.h"
#include "cr-store-meetings.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"

#include <glib/gi18n.h>

struct _CrMeetingsPage
{
  GtkWidget            parent_instance;

  CrStore             *store;
  GListStore          *groups;
  GPtrArray           *meetings;   /* CrMeeting, newest first */
  CrMeeting           *meeting;    /* the one shown, or NULL */
  GPtrArray           *marks;      /* GtkToggleButton[3] per attendance row */
  GPtrArray           *expected;   /* CrExpectedAttendee, as listed */
  guint                save_source;
  GHashTable          *pending;    /* item id → minutes text to save */
  char                *quorum_text;
  gboolean             disposed;
  /* The list is built when the page is shown: a federation's file holds
   * tens of thousands of meetings, and building their rows while another
   * page is in front only delays opening the file. */
  gboolean             stale;
  gint64               stale_select;
  /* And only the newest rows are built at first, a page at a time: 20,000
   * rows in a list box hold the window for seconds. */
  guint                n_shown;
  GtkWidget           *more_row;

  GtkStack            *stack;
  GtkDropDown         *group_dropdown;
  GtkListBox          *meetings_list;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *quorum_label;
  AdwViewStack        *detail_stack;
  GtkListBox          *attendance_list;
  GtkListBox          *guests_list;
  GtkBox              *agenda_box;
  GtkListBox          *actions_list;
};

G_DEFINE_FINAL_TYPE (CrMeetingsPage, cr_meetings_page, GTK_TYPE_WIDGET)

static void show_meeting  (CrMeetingsPage *self);
static void guest_applied (AdwEntryRow    *row,
                           CrMeetingsPage *self);

/* Helpers */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static char *
long_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !cr_date_parse_iso (iso, &date))
    return g_strdup (iso ? iso : "");
  return cr_date_to_long (&date);
}

static guint
form_number (AdwMessageDialog *dialog,
             const char       *name)
{
  return gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (dialog), name));
}

static GtkWidget *
groups_dropdown (CrMeetingsPage *self,
                 gboolean        with_all)
{
  g_autoptr (GListStore) store = g_list_store_new (CR_TYPE_GROUP);
  GtkWidget *dropdown;

  for (guint i = with_all ? 0 : 1;
       i < g_list_model_get_n_items (G_LIST_MODEL (self->groups));
       i++)
    {
      g_autoptr (CrGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      g_list_store_append (store, group);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&store)),
                                gtk_property_expression_new (CR_TYPE_GROUP, NULL,
                                                             "name"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  return dropdown;
}

static char *meeting_subtitle (const CrMeeting *m);

static void
update_header (CrMeetingsPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  GtkListBoxRow *row;

  if (self->meeting == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
    }
  else
    {
      const CrMeeting *m = self->meeting;
      g_autofree char *date = long_date (m->date);

      title = g_strdup_printf ("%s: %s", m->group_name,
                               cr_meeting_kind_get_label (m->kind));
      when = g_strdup_printf ("%s%s%s%s%s · %s", date,
                              m->start_time ? ", " : "",
                              m->start_time ? m->start_time : "",
                              m->venue && *m->venue ? ", " : "",
                              m->venue && *m->venue ? m->venue : "",
                              cr_meeting_status_get_label (m->status));
      gtk_label_set_text (self->title_label, title);
      gtk_label_set_text (self->subtitle_label, when);
    }

  row = gtk_list_box_get_selected_row (self->meetings_list);
  if (row != NULL && self->meeting != NULL)
    {
      g_autofree char *subtitle = meeting_subtitle (self->meeting);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

static AdwMessageDialog *
form_dialog (CrMeetingsPage *self,
             const char     *heading,
             const char     *body,
             const char     *response,
             const char     *label)
{
  return cr_form_new (GTK_WIDGET (self), heading, body, response, label,
                      ADW_RESPONSE_SUGGESTED);
}

/* Quorum */

static void
update_quorum (CrMeetingsPage *self)
{
  g_autoptr (GError) error = NULL;
  guint required = 0, present = 0;
  gboolean met = FALSE;

  g_clear_pointer (&self->quorum_text, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_label), "warning");
  if (self->meeting == NULL)
    {
      gtk_label_set_text (self->quorum_label, "");
      return;
    }
  if (!cr_store_get_meeting_quorum (self->store, self->meeting->id, &required,
                                    &present, &met, &error))
    {
      g_warning ("Could not work out the quorum: %s", error->message);
      gtk_label_set_text (self->quorum_label, "");
      return;
    }
  /* Before anyone is in the room, a planned meeting is not "not
   * quorate": say what it will need, without the warning colour. */
  if (!met && present == 0 &&
      self->meeting->status == CR_MEETING_STATUS_PLANNED)
    {
      self->quorum_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Quorum: %u voting member needed",
                                                        "Quorum: %u voting members needed",
                                                        required),
                                           required);
      gtk_label_set_text (self->quorum_label, self->quorum_text);
      return;
    }
  if (met)
    self->quorum_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "Quorate: %u voting member present, %u needed",
                                                      "Quorate: %u voting members present, %u needed",
                                                      present),
                                         present, required);
  else
    self->quorum_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "Not quorate: %u voting member present, %u needed",
                                                      "Not quorate: %u voting members present, %u needed",
                                                      present),
                                         present, required);
  gtk_label_set_text (self->quorum_label, self->quorum_text);
  gtk_widget_add_css_class (GTK_WIDGET (self->quorum_label),
                            met ? "success" : "warning");
}

/* Attendance */

static void
set_mark (CrMeetingsPage   *self,
          guint             index,
          CrAttendanceMark  mark)
{
  CrExpectedAttendee *who = g_ptr_array_index (self->expected, index);
  GtkToggleButton **buttons = g_ptr_array_index (self->marks, index);
  g_autoptr (GError) error = NULL;

  if (!cr_store_set_attendance (self->store, self->meeting->id, who->person_id,
                                mark, CR_ATTENDEE_MEMBER, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _("Not Marked"), error->message);
      return;
    }
  who->mark = mark;
  for (int m = CR_ATTENDANCE_PRESENT; m <= CR_ATTENDANCE_ABSENT; m++)
    {
      GtkToggleButton *b = buttons[m - CR_ATTENDANCE_PRESENT];

      g_signal_handlers_block_matched (b, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_toggle_button_set_active (b, m == (int) mark);
      g_signal_handlers_unblock_matched (b, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }

  /* Marking who came makes a planned meeting a held one. */
  if (self->meeting->status == CR_MEETING_STATUS_PLANNED)
    {
      self->meeting->status = CR_MEETING_STATUS_HELD;
      if (!cr_store_update_meeting (self->store, self->meeting, &error))
        g_warning ("Could not mark the meeting held: %s", error->message);
    }
  update_quorum (self);
  {
    /* The list's line for the meeting shows its status and quorum too. */
    g_autoptr (GError) local_error = NULL;
    CrMeeting *fresh = cr_store_get_meeting (self->store, self->meeting->id,
                                             &local_error);

    if (fresh != NULL)
      {
        cr_meeting_free (self->meeting);
        self->meeting = fresh;
      }
    update_header (self);
  }
}

static void
mark_toggled (GtkToggleButton *button,
              CrMeetingsPage  *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int mark = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mark"));

  if (gtk_toggle_button_get_active (button))
    set_mark (self, index, mark);
}

static gboolean
attendance_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CrMeetingsPage        *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row;
  CrAttendanceMark mark;
  int index;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_p:
      mark = CR_ATTENDANCE_PRESENT;
      break;
    case GDK_KEY_a:
      mark = CR_ATTENDANCE_APOLOGIES;
      break;
    case GDK_KEY_x:
      mark = CR_ATTENDANCE_ABSENT;
      break;
    default:
      return FALSE;
    }
  row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  if (row == NULL)
    return FALSE;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0 || (guint) index >= self->expected->len)
    return FALSE;
  set_mark (self, index, mark);

  /* On to the next name, so a register is marked one key a person. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->attendance_list, index + 1));
  if (row != NULL)
    gtk_widget_grab_focus (row);
  return TRUE;
}

/* Wrapped between words only: a name is never cut inside a word. */
static GtkWidget *
wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  return label;
}

/* A name with its role above or beside its three mark buttons: beside
 * them while the name keeps room for a long name on one or two lines,
 * under it in a narrow window (half a laptop's screen), so that a name
 * never breaks letter by letter. The row's title stays the name, for
 * tests and assistive technology. */
static GtkWidget *
attendance_row_child (const char *title,
                      const char *subtitle,
                      GtkWidget  *buttons)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = wrapping_label (title);
  GtkWidget *role = wrapping_label (subtitle);
  GtkWidget *fold;

  gtk_widget_add_css_class (name, "title");
  gtk_widget_add_css_class (role, "subtitle");
  gtk_widget_add_css_class (role, "dim-label");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), role);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  fold = cr_fold_box_new (labels, buttons, 240);
  gtk_widget_set_margin_start (fold, 12);
  gtk_widget_set_margin_end (fold, 12);
  gtk_widget_set_margin_top (fold, 8);
  gtk_widget_set_margin_bottom (fold, 8);
  return fold;
}

static void
load_attendance (CrMeetingsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GHashTable) offices = NULL;
  static const char *const labels[] = { N_("_Present"), N_("_Apologies"), N_("Ab_sent") };

  clear_box (GTK_WIDGET (self->attendance_list));
  clear_box (GTK_WIDGET (self->guests_list));
  g_ptr_array_set_size (self->marks, 0);
  g_clear_pointer (&self->expected, g_ptr_array_unref);
  if (self->meeting == NULL)
    return;

  self->expected = cr_store_list_expected (self->store, self->meeting->id, &error);
  if (self->expected == NULL)
    {
      g_warning ("Could not list who was expected: %s", error->message);
      self->expected = g_ptr_array_new ();
      return;
    }
  offices = cr_store_get_meeting_offices (self->store, self->meeting->id, &error);
  if (offices == NULL)
    {
      g_warning ("Could not list the officers: %s", error->message);
      g_clear_error (&error);
    }

  for (guint i = 0; i < self->expected->len; i++)
    {
      CrExpectedAttendee *who = g_ptr_array_index (self->expected, i);
      GtkToggleButton **buttons = g_new0 (GtkToggleButton *, 3);
      GtkWidget *row = adw_preferences_row_new ();
      GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *title = g_strdup_printf ("%s, %s", who->family_name,
                                                who->given_name);
      const char *subtitle = cr_membership_kind_get_label (who->membership_kind);
      const char *office = offices != NULL
                           ? g_hash_table_lookup (offices, &who->person_id)
                           : NULL;
      g_autofree char *with_office = NULL;

      if (g_strcmp0 (who->sanction, "suspension") == 0)
        subtitle = _("Suspended: may not take part");
      else if (g_strcmp0 (who->sanction, "exclusion") == 0)
        subtitle = _("Excluded");
      /* Officers by title: "Chair · Voting member". */
      if (office != NULL)
        subtitle = with_office = g_strdup_printf ("%s · %s", office, subtitle);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (linked, "linked");
      gtk_widget_set_valign (linked, GTK_ALIGN_CENTER);
      /* Three buttons of one width, the same at any row width. */
      gtk_box_set_homogeneous (GTK_BOX (linked), TRUE);
      for (int m = 0; m < 3; m++)
        {
          GtkWidget *b = gtk_toggle_button_new_with_mnemonic (_(labels[m]));

          buttons[m] = GTK_TOGGLE_BUTTON (b);
          gtk_widget_set_focus_on_click (b, FALSE);
          if (m > 0)
            gtk_toggle_button_set_group (buttons[m], buttons[0]);
          gtk_toggle_button_set_active (buttons[m],
                                        (int) who->mark == m + CR_ATTENDANCE_PRESENT);
          g_object_set_data (G_OBJECT (b), "index", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (b), "mark",
                             GINT_TO_POINTER (m + CR_ATTENDANCE_PRESENT));
          g_signal_connect_object (b, "toggled", G_CALLBACK (mark_toggled),
                                   self, 0);
          gtk_box_append (GTK_BOX (linked), b);
        }
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                  attendance_row_child (title, subtitle,
                                                        linked));
      /* A screen reader names the row, as it did the action row's. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      subtitle, -1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, TRUE);
      gtk_list_box_append (self->attendance_list, row);
      g_ptr_array_add (self->marks, buttons);
    }
  if (self->expected->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The group had no members on this date"));
      gtk_list_box_append (self->attendance_list, row);
    }

  records = cr_store_list_attendance (self->store, self->meeting->id, &error);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      CrAttendanceRecord *r = g_ptr_array_index (records, i);
      GtkWidget *row;

      if (r->role == CR_ATTENDEE_MEMBER)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   cr_attendee_role_get_label (r->role));
      gtk_list_box_append (self->guests_list, row);
    }
  {
    GtkWidget *add = adw_entry_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add),
                                   _("Add a guest by name"));
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
    g_signal_connect_object (add, "apply", G_CALLBACK (guest_applied), self, 0);
    gtk_list_box_append (self->guests_list, add);
  }
}

/* Agenda and minutes */

static gboolean
save_minutes (gpointer user_data)
{
  CrMeetingsPage *self = user_data;
  GHashTableIter iter;
  gpointer key, value;

  self->save_source = 0;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CrAgendaItem *item = key;
      g_autoptr (GError) error = NULL;

      g_free (item->minutes);
      item->minutes = g_strdup (value);
      if (!cr_store_update_agenda_item (self->store, item, &error))
        g_warning ("Minutes not saved: %s", error->message);
    }
  g_hash_table_remove_all (self->pending);
  return G_SOURCE_REMOVE;
}

static void
flush_minutes (CrMeetingsPage *self)
{
  if (self->save_source != 0)
    {
      g_source_remove (self->save_source);
      save_minutes (self);
    }
}

static void
minutes_changed (GtkTextBuffer  *buffer,
                 CrMeetingsPage *self)
{
  CrAgendaItem *item = g_object_get_data (G_OBJECT (buffer), "item");
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_hash_table_replace (self->pending, item,
                        gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  /* Saved a moment after the typing stops, and whenever the page moves
   * on: no Save button, nothing lost. */
  if (self->save_source != 0)
    g_source_remove (self->save_source);
  self->save_source = g_timeout_add (700, save_minutes, self);
}

static void
delete_item_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CrMeetingsPage   *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "item-id");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!cr_store_delete_agenda_item (self->store, *id, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("The Agenda Was Not Changed"),
                          error->message);
  show_meeting (self);
  adw_view_stack_set_visible_child_name (self->detail_stack, "agenda");
}

static void
item_button (GtkButton      *button,
             CrMeetingsPage *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  gint64 *id = g_object_get_data (G_OBJECT (button), "item-id");
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  flush_minutes (self);
  /* An item takes its minutes and decisions with it: asked first. */
  if (g_str_equal (what, "delete"))
    {
      AdwMessageDialog *dialog =
        cr_form_new (GTK_WIDGET (self), _("Remove This Item?"),
                     _("Its minutes and the decisions recorded on it are "
                       "removed with it. Actions agreed on it stay in the "
                       "log."),
                     "delete", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);

      g_object_set_data_full (G_OBJECT (dialog), "item-id",
                              g_memdup2 (id, sizeof *id), g_free);
      g_signal_connect_object (dialog, "response",
                               G_CALLBACK (delete_item_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (g_str_equal (what, "up"))
    ok = cr_store_move_agenda_item (self->store, *id, -1, &error);
  else if (g_str_equal (what, "down"))
    ok = cr_store_move_agenda_item (self->store, *id, +1, &error);
  if (!ok)
    cr_form_show_problem (GTK_WIDGET (self), _("The Agenda Was Not Changed"), error->message);
  show_meeting (self);
}

static void decision_dialog (CrMeetingsPage   *self,
                             gint64            item_id,
                             const CrDecision *decision);
static void action_dialog   (CrMeetingsPage *self,
                             gint64          item_id);

static void
item_record (GtkButton      *button,
             CrMeetingsPage *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  gint64 *id = g_object_get_data (G_OBJECT (button), "item-id");

  flush_minutes (self);
  if (g_str_equal (what, "decision"))
    decision_dialog (self, *id, NULL);
  else
    action_dialog (self, *id);
}

static GtkWidget *
small_button (CrMeetingsPage *self,
              const char     *icon,
              const char     *label,
              const char     *tooltip,
              const char     *what,
              gint64          item_id,
              GCallback       callback)
{
  GtkWidget *b = icon ? gtk_button_new_from_icon_name (icon)
                      : gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (b, "flat");
  g_object_set_data (G_OBJECT (b), "what", (gpointer) what);
  g_object_set_data_full (G_OBJECT (b), "item-id",
                          g_memdup2 (&item_id, sizeof item_id), g_free);
  g_signal_connect_object (b, "clicked", callback, self, 0);
  if (icon != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (b),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return b;
}

static char *
decision_text (const CrDecision *d)
{
  g_autofree char *votes = NULL;
  const char *outcome = cr_vote_outcome_get_label (d->outcome);

  if (d->method == CR_DECISION_VOTE)
    {
      votes = g_strdup_printf (_("%u for, %u against, %u abstaining"),
                               d->votes_for, d->votes_against, d->votes_abstain);
      if (d->casting != CR_CASTING_VOTE_NONE)
        {
          char *with = g_strdup_printf (_("%s; the chair’s casting vote %s"),
                                        votes,
                                        cr_casting_vote_get_label (d->casting));

          g_free (votes);
          votes = with;
        }
    }
  return g_strdup_printf ("%s%s%s%s: %s", outcome,
                          votes ? " (" : "", votes ? votes : "",
                          votes ? ")" : "", d->text);
}

static void
add_item_applied (AdwEntryRow    *row,
                  CrMeetingsPage *self)
{
  g_autoptr (CrAgendaItem) item = cr_agenda_item_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*title == '\0' || self->meeting == NULL)
    return;
  flush_minutes (self);
  item->meeting_id = self->meeting->id;
  item->title = g_steal_pointer (&title);
  if (cr_store_add_agenda_item (self->store, item, &error) == 0)
    cr_form_show_problem (GTK_WIDGET (self), _("Not Added"), error->message);
  show_meeting (self);
  adw_view_stack_set_visible_child_name (self->detail_stack, "agenda");
}

static void
copy_standing (GtkButton      *button,
               CrMeetingsPage *self)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;

  flush_minutes (self);
  if (!cr_store_copy_standing_items (self->store, self->meeting->id, &n, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("Nothing Copied"), error->message);
  show_meeting (self);
  adw_view_stack_set_visible_child_name (self->detail_stack, "agenda");
}

static void decision_dialog (CrMeetingsPage   *self,
                             gint64            item_id,
                             const CrDecision *decision);

static void
delete_decision_response (AdwMessageDialog *dialog,
                          const char       *response,
                          CrMeetingsPage   *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "decision-id");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!cr_store_delete_decision (self->store, *id, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("Decision Not Deleted"),
                          error->message);
  show_meeting (self);
  adw_view_stack_set_visible_child_name (self->detail_stack, "agenda");
}

static void
decision_button (GtkButton      *button,
                 CrMeetingsPage *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  CrDecision *decision = g_object_get_data (G_OBJECT (button), "decision");
  AdwMessageDialog *dialog;

  flush_minutes (self);
  if (g_str_equal (what, "edit"))
    {
      decision_dialog (self, decision->item_id, decision);
      return;
    }
  /* A decision is part of the record: deleting one is asked first. */
  dialog = cr_form_new (GTK_WIDGET (self), _("Delete This Decision?"),
                        decision->text, "delete", _("_Delete"),
                        ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "decision-id",
                          g_memdup2 (&decision->id, sizeof decision->id), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (delete_decision_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A decision as the minutes show it, with buttons to correct or delete
 * it; @decision must outlive the row. */
static GtkWidget *
decision_row (CrMeetingsPage *self,
              CrDecision     *decision)
{
  g_autofree char *text = decision_text (decision);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  const char *buttons[][3] = {
    { "document-edit-symbolic", N_("Edit Decision…"), "edit" },
    { "user-trash-symbolic", N_("Delete Decision…"), "delete" },
  };

  if (!decision->quorate_at_time)
    {
      g_autofree char *marked = g_strconcat (text, " ",
                                             _("(inquorate: to be ratified)"),
                                             NULL);

      gtk_label_set_text (GTK_LABEL (label), marked);
      gtk_widget_add_css_class (label, "warning");
    }
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *b = gtk_button_new_from_icon_name (buttons[i][0]);

      gtk_widget_set_tooltip_text (b, _(buttons[i][1]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (b),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(buttons[i][1]), -1);
      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (b, "flat");
      g_object_set_data (G_OBJECT (b), "what", (gpointer) buttons[i][2]);
      g_object_set_data (G_OBJECT (b), "decision", decision);
      g_signal_connect_object (b, "clicked", G_CALLBACK (decision_button),
                               self, 0);
      gtk_box_append (GTK_BOX (box), b);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_add_css_class (box, "cr-decision");
  return box;
}

static void
load_agenda (CrMeetingsPage *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *group, *row, *button;

  clear_box (GTK_WIDGET (self->agenda_box));
  if (self->meeting == NULL)
    return;
  items = cr_store_list_agenda (self->store, self->meeting->id, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the agenda: %s", error->message);
      return;
    }
  /* The items live as long as the page shows them: the minutes' buffers
   * point at them. */
  g_object_set_data_full (G_OBJECT (self->agenda_box), "items",
                          g_ptr_array_ref (items),
                          (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < items->len; i++)
    {
      CrAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", item->position, item->title);
      g_autoptr (GPtrArray) decisions = NULL;
      GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      if (!item->is_aob)
        {
          gtk_box_append (GTK_BOX (suffix),
                          small_button (self, "go-up-symbolic", NULL, _("Move Up"),
                                        "up", item->id, G_CALLBACK (item_button)));
          gtk_box_append (GTK_BOX (suffix),
                          small_button (self, "go-down-symbolic", NULL, _("Move Down"),
                                        "down", item->id, G_CALLBACK (item_button)));
        }
      gtk_box_append (GTK_BOX (suffix),
                      small_button (self, "user-trash-symbolic", NULL, _("Remove Item…"),
                                    "delete", item->id, G_CALLBACK (item_button)));
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_widget_set_size_request (view, -1, 72);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_text_buffer_set_text (buffer, item->minutes ? item->minutes : "", -1);
      g_object_set_data (G_OBJECT (buffer), "item", item);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (minutes_changed),
                               self, 0);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

      decisions = cr_store_list_decisions (self->store, item->id, NULL);
      /* The decisions live as long as the rows that edit them. */
      if (decisions != NULL)
        g_object_set_data_full (G_OBJECT (group), "decisions",
                                g_ptr_array_ref (decisions),
                                (GDestroyNotify) g_ptr_array_unref);
      for (guint d = 0; decisions != NULL && d < decisions->len; d++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   decision_row (self,
                                                 g_ptr_array_index (decisions, d)));

      gtk_widget_set_margin_top (buttons, 6);
      gtk_box_append (GTK_BOX (buttons),
                      small_button (self, NULL, _("Record a _Decision…"),
                                    _("A decision taken on this item"),
                                    "decision", item->id, G_CALLBACK (item_record)));
      gtk_box_append (GTK_BOX (buttons),
                      small_button (self, NULL, _("Add an Ac_tion…"),
                                    _("Something someone will do"),
                                    "action", item->id, G_CALLBACK (item_record)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);
      gtk_box_append (self->agenda_box, group);
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   items->len ? _("More Items") : _("Agenda"));
  button = gtk_button_new_with_mnemonic (_("Copy _Standing Items"));
  gtk_widget_set_tooltip_text (button, _("The items on every agenda, from the "
                                         "group’s last meeting"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (copy_standing), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New item"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (add_item_applied), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (self->agenda_box, group);
}

/* Whether the chair has a casting vote at this meeting: the rules in
 * force on its date say, and a chair has one where they are silent. */
static gboolean
chair_has_casting_vote (CrMeetingsPage *self)
{
  g_autoptr (CrRules) rules = NULL;
  g_autoptr (GError) error = NULL;

  rules = cr_store_get_rules (self->store, self->meeting->group_id,
                              self->meeting->date, &error);
  if (rules == NULL)
    {
      g_warning ("Could not read the rules: %s", error->message);
      return TRUE;
    }
  if (!cr_rules_has (rules, CR_RULE_CASTING_VOTE))
    return TRUE;
  return cr_rules_get_value (rules, CR_RULE_CASTING_VOTE) != 0;
}

static void
decision_response (AdwMessageDialog *dialog,
                   const char       *response,
                   CrMeetingsPage   *self)
{
  gint64 *item_id = g_object_get_data (G_OBJECT (dialog), "item-id");
  gint64 *decision_id = g_object_get_data (G_OBJECT (dialog), "decision-id");
  g_autoptr (CrDecision) decision = cr_decision_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "record"))
    return;
  decision->id = decision_id != NULL ? *decision_id : 0;
  decision->item_id = *item_id;
  decision->text = g_strstrip (g_strdup (cr_form_get_text (dialog, "text")));
  decision->method = cr_form_get_choice (dialog, "method");
  decision->votes_for = form_number (dialog, "for");
  decision->votes_against = form_number (dialog, "against");
  decision->votes_abstain = form_number (dialog, "abstain");
  decision->casting = cr_form_get_choice (dialog, "casting");
  if (decision->id != 0)
    ok = cr_store_update_decision (self->store, decision,
                                   chair_has_casting_vote (self), &error);
  else
    ok = cr_store_add_decision (self->store, decision,
                                chair_has_casting_vote (self), &error) != 0;
  if (!ok)
    cr_form_show_problem (GTK_WIDGET (self),
                          decision->id != 0 ? _("Decision Not Changed")
                                            : _("Decision Not Recorded"),
                          error->message);
  show_meeting (self);
  adw_view_stack_set_visible_child_name (self->detail_stack, "agenda");
}

static GtkWidget *
spin (void)
{
  GtkWidget *s = gtk_spin_button_new_with_range (0, 999, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (s), TRUE);
  return s;
}

/* Records a new decision on @item_id, or corrects @decision. */
static void
decision_dialog (CrMeetingsPage   *self,
                 gint64            item_id,
                 const CrDecision *decision)
{
  const char *methods[] = { cr_decision_method_get_label (CR_DECISION_CONSENSUS),
                            cr_decision_method_get_label (CR_DECISION_VOTE), NULL };
  const char *casting[] = { cr_casting_vote_get_label (CR_CASTING_VOTE_NONE),
                            cr_casting_vote_get_label (CR_CASTING_VOTE_FOR),
                            cr_casting_vote_get_label (CR_CASTING_VOTE_AGAINST), NULL };
  AdwMessageDialog *dialog = form_dialog (self,
                                          decision != NULL ? _("Edit the Decision")
                                                           : _("Record a Decision"),
                                          _("The outcome follows from the votes. "
                                            "A decision taken without a quorum "
                                            "is marked to be ratified."),
                                          "record",
                                          decision != NULL ? _("_Save")
                                                           : _("_Record"));
  GtkWidget *votes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *method, *cast;

  cr_form_add (dialog, "text", _("What was decided"),
               cr_form_entry (decision != NULL ? decision->text : NULL,
                              _("e.g. To write to the council about the lifts")));
  method = cr_form_add (dialog, "method", _("Taken by"),
                        gtk_drop_down_new_from_strings (methods));
  gtk_box_append (GTK_BOX (adw_message_dialog_get_extra_child (dialog)), votes);
  {
    const char *names[] = { "for", "against", "abstain" };
    const char *captions[] = { _("For"), _("Against"), _("Abstaining") };
    guint counts[] = { 0, 0, 0 };

    if (decision != NULL)
      {
        counts[0] = decision->votes_for;
        counts[1] = decision->votes_against;
        counts[2] = decision->votes_abstain;
      }
    for (int i = 0; i < 3; i++)
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
        GtkWidget *caption = gtk_label_new (captions[i]);
        GtkWidget *s = spin ();

        gtk_spin_button_set_value (GTK_SPIN_BUTTON (s), counts[i]);
        gtk_accessible_update_property (GTK_ACCESSIBLE (s),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        captions[i], -1);
        gtk_widget_add_css_class (caption, "caption-heading");
        gtk_label_set_xalign (GTK_LABEL (caption), 0);
        gtk_box_append (GTK_BOX (box), caption);
        gtk_box_append (GTK_BOX (box), s);
        gtk_box_append (GTK_BOX (votes), box);
        g_object_set_data (G_OBJECT (dialog), names[i], s);
      }
  }
  cast = cr_form_add (dialog, "casting", _("Chair’s casting vote, to break a tie"),
                      gtk_drop_down_new_from_strings (casting));
  if (decision != NULL)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (method), decision->method);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cast), decision->casting);
      g_object_set_data_full (G_OBJECT (dialog), "decision-id",
                              g_memdup2 (&decision->id, sizeof decision->id),
                              g_free);
    }
  g_object_set_data_full (G_OBJECT (dialog), "item-id",
                          g_memdup2 (&item_id, sizeof item_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (decision_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_response (AdwMessageDialog *dialog,
                 const char       *response,
                 CrMeetingsPage   *self)
{
  gint64 *item_id = g_object_get_data (G_OBJECT (dialog), "item-id");
  g_autoptr (CrAction) action = cr_action_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *due = g_strstrip (g_strdup (cr_form_get_text (dialog, "due")));

  if (!g_str_equal (response, "add"))
    return;
  action->meeting_id = self->meeting->id;
  action->item_id = item_id ? *item_id : 0;
  action->description = g_strstrip (g_strdup (cr_form_get_text (dialog, "what")));
  action->owner_text = g_strstrip (g_strdup (cr_form_get_text (dialog, "who")));
  if (*due != '\0')
    {
      GDate date;

      if (!cr_date_parse (due, &date, &error))
        {
          cr_form_show_problem (GTK_WIDGET (self), _("Action Not Added"), error->message);
          return;
        }
      action->due_date = cr_date_to_iso (&date);
    }
  if (cr_store_add_action (self->store, action, &error) == 0)
    cr_form_show_problem (GTK_WIDGET (self), _("Action Not Added"), error->message);
  show_meeting (self);
}

static void
action_dialog (CrMeetingsPage *self,
               gint64          item_id)
{
  AdwMessageDialog *dialog = form_dialog (self, _("Add an Action"), NULL,
                                          "add", _("_Add"));

  cr_form_add (dialog, "what", _("What is to be done"),
            cr_form_entry (NULL, _("e.g. Report the broken entry door")));
  cr_form_add (dialog, "who", _("Who does it"),
            cr_form_entry (NULL, _("A member, an officer or an organisation")));
  cr_form_add (dialog, "due", _("By (DD/MM/YYYY)"), cr_form_entry (NULL, NULL));
  g_object_set_data_full (G_OBJECT (dialog), "item-id",
                          g_memdup2 (&item_id, sizeof item_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (action_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
action_status_changed (GtkDropDown    *dropdown,
                       GParamSpec     *pspec,
                       CrMeetingsPage *self)
{
  CrAction *action = g_object_get_data (G_OBJECT (dropdown), "action");
  CrActionStatus status = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();

  if (status == action->status)
    return;
  if (!cr_store_update_action (self->store, action->id, status, action->outcome,
                               status == CR_ACTION_DONE ? today : NULL, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _("Not Changed"), error->message);
      return;
    }
  action->status = status;
}

static void
load_actions (CrMeetingsPage *self)
{
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();
  const char *statuses[CR_ACTION_DROPPED + 2] = { NULL };

  clear_box (GTK_WIDGET (self->actions_list));
  if (self->meeting == NULL)
    return;
  for (int s = 0; s <= CR_ACTION_DROPPED; s++)
    statuses[s] = cr_action_status_get_label (s);

  actions = cr_store_list_actions (self->store, self->meeting->id, &error);
  if (actions == NULL)
    {
      g_warning ("Could not list actions: %s", error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (self->actions_list), "actions",
                          g_ptr_array_ref (actions),
                          (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < actions->len; i++)
    {
      CrAction *a = g_ptr_array_index (actions, i);
      g_autofree char *due = cr_date_iso_to_uk (a->due_date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_drop_down_new_from_strings (statuses);

      if (a->outcome != NULL && *a->outcome != '\0')
        subtitle = g_strdup_printf (_("%s. Done: %s"),
                                    a->owner_name ? a->owner_name : _("No one named"),
                                    a->outcome);
      else if (due != NULL)
        subtitle = g_strdup_printf (cr_action_is_overdue (a, today)
                                    ? _("%s, by %s: overdue") : _("%s, by %s"),
                                    a->owner_name ? a->owner_name : _("No one named"),
                                    due);
      else
        subtitle = g_strdup (a->owner_name ? a->owner_name : _("No one named"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->description);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), a->status);
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (status), "action", a);
      g_signal_connect_object (status, "notify::selected",
                               G_CALLBACK (action_status_changed), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      gtk_list_box_append (self->actions_list, row);
    }
  if (actions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No actions yet: add them from the agenda"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->actions_list, row);
    }
}

/* Meetings */

static char *
meeting_subtitle (const CrMeeting *m)
{
  const char *quorate = m->status == CR_MEETING_STATUS_HELD
                        ? cr_quorate_get_label (m->quorate) : NULL;

  if (quorate != NULL && *quorate != '\0')
    return g_strdup_printf ("%s · %s · %s", m->group_name,
                            cr_meeting_status_get_label (m->status), quorate);
  return g_strdup_printf ("%s · %s", m->group_name,
                          cr_meeting_status_get_label (m->status));
}

static void
guest_applied (AdwEntryRow    *row,
               CrMeetingsPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self->meeting == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (!cr_split_full_name (name, &given, &family))
    return;
  /* A guest is a contact of the association, not a member. */
  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  id = cr_store_add_person (self->store, person, &error);
  if (id == 0 ||
      !cr_store_set_attendance (self->store, self->meeting->id, id,
                                CR_ATTENDANCE_PRESENT, CR_ATTENDEE_GUEST, &error))
    cr_form_show_problem (GTK_WIDGET (self), _("Guest Not Added"), error->message);
  show_meeting (self);
}

static void
show_meeting (CrMeetingsPage *self)
{
  if (self->meeting != NULL)
    {
      g_autoptr (GError) error = NULL;
      CrMeeting *fresh = cr_store_get_meeting (self->store, self->meeting->id, &error);

      if (fresh != NULL)
        {
          cr_meeting_free (self->meeting);
          self->meeting = fresh;
        }
    }
  update_header (self);
  update_quorum (self);
  load_attendance (self);
  load_agenda (self);
  load_actions (self);
}

static void
meeting_selected (CrMeetingsPage *self,
                  GtkListBoxRow  *row)
{
  CrMeeting *m;

  /* Rows unselect as the list is torn down: nothing to show then. */
  if (self->disposed)
    return;
  flush_minutes (self);
  g_clear_pointer (&self->meeting, cr_meeting_free);
  if (row != NULL && row != (GtkListBoxRow *) self->more_row)
    {
      m = g_ptr_array_index (self->meetings,
                             gtk_list_box_row_get_index (row));
      self->meeting = cr_meeting_copy (m);
    }
  show_meeting (self);
}

#define MEETINGS_PAGE 100

static void show_meetings_upto (CrMeetingsPage *self,
                                guint           upto);

static void
show_more_meetings (CrMeetingsPage *self)
{
  show_meetings_upto (self, self->n_shown + MEETINGS_PAGE);
}

/* Builds the rows of the meetings up to @upto (newest first), and a last
 * row that offers the next page while older ones are left. */
static void
show_meetings_upto (CrMeetingsPage *self,
                    guint           upto)
{
  guint left;

  upto = MIN (upto, self->meetings->len);
  if (self->more_row != NULL && upto > self->n_shown)
    {
      gtk_list_box_remove (self->meetings_list, self->more_row);
      self->more_row = NULL;
    }
  for (; self->n_shown < upto; self->n_shown++)
    {
      CrMeeting *m = g_ptr_array_index (self->meetings, self->n_shown);
      CrMeeting *full = cr_store_get_meeting (self->store, m->id, NULL);
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* The list was read without quorum figures; a row shows them. */
      if (full != NULL)
        {
          g_ptr_array_index (self->meetings, self->n_shown) = full;
          cr_meeting_free (m);
          m = full;
        }
      date = long_date (m->date);
      subtitle = meeting_subtitle (m);
      row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* A long group name wraps, then ellipsizes, rather than holding
       * the whole window wide. */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_append (self->meetings_list, row);
    }
  left = self->meetings->len - self->n_shown;
  if (left > 0 && self->more_row == NULL)
    {
      g_autofree char *label = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Show %u Older Meeting",
                       "Show %u Older Meetings", MIN (left, MEETINGS_PAGE)),
          MIN (left, MEETINGS_PAGE));
      GtkWidget *button = gtk_button_new_with_mnemonic (label);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_margin_top (button, 6);
      gtk_widget_set_margin_bottom (button, 6);
      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (show_more_meetings), self,
                               G_CONNECT_SWAPPED);
      self->more_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->more_row), button);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->more_row),
                                       FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->more_row),
                                        FALSE);
      gtk_list_box_append (self->meetings_list, self->more_row);
    }
}

static void
load_meetings (CrMeetingsPage *self,
               gint64          select_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrGroup) group = NULL;
  g_autofree char *today = cr_date_today_iso ();
  GPtrArray *list;
  int select = -1;

  flush_minutes (self);
  if (self->store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      self->stale_select = select_id;
      return;
    }
  self->stale = FALSE;
  clear_box (GTK_WIDGET (self->meetings_list));
  self->more_row = NULL;
  self->n_shown = 0;
  g_ptr_array_set_size (self->meetings, 0);
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  group = g_list_model_get_item (G_LIST_MODEL (self->groups),
                                 gtk_drop_down_get_selected (self->group_dropdown));
  list = cr_store_list_meetings_brief (self->store,
                                       group ? cr_group_get_id (group) : 0,
                                       &error);
  if (list == NULL)
    {
      g_warning ("Could not list meetings: %s", error->message);
      return;
    }
  /* Newest first: the next meeting and the last one are what matter. */
  for (guint i = list->len; i-- > 0;)
    g_ptr_array_add (self->meetings, cr_meeting_copy (g_ptr_array_index (list, i)));
  g_ptr_array_unref (list);

  for (guint i = 0; i < self->meetings->len; i++)
    {
      CrMeeting *m = g_ptr_array_index (self->meetings, i);

      if (m->id == select_id)
        select = i;
      /* Otherwise the latest meeting on or before today. */
      if (select_id == 0 && select < 0 && g_strcmp0 (m->date, today) <= 0)
        select = i;
    }
  if (select < 0 && self->meetings->len > 0)
    select = 0;
  show_meetings_upto (self, MAX ((guint) (select + 1), MEETINGS_PAGE));

  gtk_stack_set_visible_child_name (self->stack,
                                    self->meetings->len > 0 || group != NULL
                                    ? "meetings" : "empty");
  if (self->meetings->len == 0 &&
      (group == NULL || cr_group_get_id (group) == 0))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  if (select >= 0)
    gtk_list_box_select_row (self->meetings_list,
                             gtk_list_box_get_row_at_index (self->meetings_list, select));
  else
    meeting_selected (self, NULL);
}

static void
group_changed (CrMeetingsPage *self)
{
  load_meetings (self, 0);
}

static void
new_meeting_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CrMeetingsPage   *self)
{
  GtkDropDown *groups = g_object_get_data (G_OBJECT (dialog), "group");
  g_autoptr (CrGroup) group = NULL;
  g_autoptr (CrMeeting) meeting = cr_meeting_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *time = NULL;
  GDate date;
  gint64 id;

  if (!g_str_equal (response, "plan"))
    return;
  group = g_list_model_get_item (gtk_drop_down_get_model (groups),
                                 gtk_drop_down_get_selected (groups));
  if (group == NULL)
    return;
  if (!cr_date_parse (cr_form_get_text (dialog, "date"), &date, &error))
    {
      cr_form_show_problem (GTK_WIDGET (self), _("Meeting Not Planned"), error->message);
      return;
    }
  time = g_strstrip (g_strdup (cr_form_get_text (dialog, "time")));
  meeting->group_id = cr_group_get_id (group);
  meeting->date = cr_date_to_iso (&date);
  meeting->start_time = *time ? g_steal_pointer (&time) : NULL;
  meeting->venue = g_strstrip (g_strdup (cr_form_get_text (dialog, "venue")));
  meeting->kind = cr_form_get_choice (dialog, "kind");
  meeting->status = CR_MEETING_STATUS_PLANNED;
  id = cr_store_add_meeting (self->store, meeting, &error);
  if (id == 0)
    {
      cr_form_show_problem (GTK_WIDGET (self), _("Meeting Not Planned"), error->message);
      return;
    }
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  load_meetings (self, id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CrMeetingsPage *self = CR_MEETINGS_PAGE (widget);
  const char *kinds[CR_MEETING_KIND_SUB_GROUP + 2] = { NULL };
  AdwMessageDialog *dialog;
  g_autofree char *today = NULL;
  GDate date;

  if (self->store == NULL)
    return;
  for (int k = 0; k <= CR_MEETING_KIND_SUB_GROUP; k++)
    kinds[k] = cr_meeting_kind_get_label (k);
  cr_date_today (&date);
  today = cr_date_to_uk (&date);
  dialog = form_dialog (self, _("Plan a Meeting"), NULL, "plan", _("_Plan"));
  cr_form_add (dialog, "group", _("Of"), groups_dropdown (self, FALSE));
  cr_form_add (dialog, "date", _("On (DD/MM/YYYY)"), cr_form_entry (today, NULL));
  cr_form_add (dialog, "time", _("At"), cr_form_entry (NULL, _("e.g. 19:00")));
  cr_form_add (dialog, "venue", _("Where"), cr_form_entry (NULL, _("e.g. Birch House community room")));
  cr_form_add (dialog, "kind", _("Kind"), gtk_drop_down_new_from_strings (kinds));
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_meeting_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing: the same pages as `commonroom-cli print`, drawn by src/print. */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrMeetingsPage *self = CR_MEETINGS_PAGE (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self->meeting == NULL)
    return;
  flush_minutes (self);
  id = self->meeting->id;
  if (g_str_equal (what, "sheet"))
    {
      CrSheetData *data = cr_print_meeting_get_sheet (self->store, id, &error);

      if (data != NULL)
        cr_print_document (widget, _("Sign-in sheet"), data,
                           (GDestroyNotify) cr_sheet_data_free,
                           (CrCountPagesFunc) cr_print_attendance_sheet_get_n_pages,
                           (CrDrawPageFunc) cr_print_attendance_sheet_draw_page);
    }
  else if (g_str_equal (what, "agenda"))
    {
      CrAgendaData *data = cr_print_meeting_get_agenda (self->store, id, &error);

      if (data != NULL)
        cr_print_document (widget, _("Agenda"), data,
                           (GDestroyNotify) cr_agenda_data_free,
                           (CrCountPagesFunc) cr_print_agenda_get_n_pages,
                           (CrDrawPageFunc) cr_print_agenda_draw_page);
    }
  else
    {
      CrMinutesData *data = cr_print_meeting_get_minutes (self->store, id, &error);

      if (data != NULL)
        cr_print_document (widget, _("Minutes"), data,
                           (GDestroyNotify) cr_minutes_data_free,
                           (CrCountPagesFunc) cr_print_minutes_get_n_pages,
                           (CrDrawPageFunc) cr_print_minutes_draw_page);
    }
  if (error != NULL)
    cr_form_show_problem (widget, _("Not Printed"), error->message);
}

/* GObject */

static void
cr_meetings_page_map (GtkWidget *widget)
{
  CrMeetingsPage *self = CR_MEETINGS_PAGE (widget);

  GTK_WIDGET_CLASS (cr_meetings_page_parent_class)->map (widget);
  if (self->stale)
    load_meetings (self, self->stale_select);
}

static void
cr_meetings_page_dispose (GObject *object)
{
  CrMeetingsPage *self = CR_MEETINGS_PAGE (object);
  GtkWidget *child;

  if (self->store != NULL)
    flush_minutes (self);
  self->disposed = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_MEETINGS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->meeting, cr_meeting_free);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->expected, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->quorum_text, g_free);
  g_clear_object (&self->groups);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cr_meetings_page_parent_class)->dispose (object);
}

static void
cr_meetings_page_class_init (CrMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_meetings_page_dispose;
  widget_class->map = cr_meetings_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cr-meetings-page.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, CrMeetingsPage, name)
  BIND (stack);
  BIND (group_dropdown);
  BIND (meetings_list);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (quorum_label);
  BIND (detail_stack);
  BIND (attendance_list);
  BIND (guests_list);
  BIND (agenda_box);
  BIND (actions_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, group_changed);
  gtk_widget_class_bind_template_callback (widget_class, meeting_selected);
  gtk_widget_class_install_action (widget_class, "meetings.new", NULL,
                                   new_action);
  gtk_widget_class_install_action (widget_class, "meetings.print", "s",
                                   print_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cr_meetings_page_init (CrMeetingsPage *self)
{
  GtkEventController *keys;

  self->groups = g_list_store_new (CR_TYPE_GROUP);
  self->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_meeting_free);
  self->marks = g_ptr_array_new_with_free_func (g_free);
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_expression (self->group_dropdown,
                                gtk_property_expression_new (CR_TYPE_GROUP, NULL,
                                                             "name"));
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->groups));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (attendance_key),
                           self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->attendance_list), keys);
}

/**
 * cr_meetings_page_set_store:
 * @store: (nullable): the open file
 */
void
cr_meetings_page_set_store (CrMeetingsPage *self,
                            CrStore        *store)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (CrGroup) all = NULL;

  g_return_if_fail (CR_IS_MEETINGS_PAGE (self));

  flush_minutes (self);
  g_clear_pointer (&self->meeting, cr_meeting_free);
  g_set_object (&self->store, store);
  g_list_store_remove_all (self->groups);
  all = cr_group_new (0, _("All groups"), "", 0);
  g_list_store_append (self->groups, all);
  if (store != NULL && (groups = cr_store_list_groups (store, NULL)) != NULL)
    g_list_store_splice (self->groups, 1, 0, groups->pdata, groups->len);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new",
                                 store != NULL && cr_store_is_writable (store));
  load_meetings (self, 0);
}

guint
cr_meetings_page_get_n_meetings (CrMeetingsPage *self)
{
  g_return_val_if_fail (CR_IS_MEETINGS_PAGE (self), 0);
  return self->meetings->len;
}

/**
 * cr_meetings_page_select_meeting:
 *
 * Returns: whether the meeting is listed (and is now shown)
 */
gboolean
cr_meetings_page_select_meeting (CrMeetingsPage *self,
                                 gint64          meeting_id)
{
  g_return_val_if_fail (CR_IS_MEETINGS_PAGE (self), FALSE);

  for (guint i = 0; i < self->meetings->len; i++)
    if (((CrMeeting *) g_ptr_array_index (self->meetings, i))->id == meeting_id)
      {
        show_meetings_upto (self, i + 1);
        gtk_list_box_select_row (self->meetings_list,
                                 gtk_list_box_get_row_at_index (self->meetings_list, i));
        return TRUE;
      }
  return FALSE;
}

gint64
cr_meetings_page_get_meeting_id (CrMeetingsPage *self)
{
  g_return_val_if_fail (CR_IS_MEETINGS_PAGE (self), 0);
  return self->meeting ? self->meeting->id : 0;
}

/**
 * cr_meetings_page_set_group_id:
 * @group_id: a group, or 0 for all
 *
 * Shows the meetings of one group, as choosing it in the page's own
 * drop-down does (the window's group switcher calls this).
 *
 * Returns: %FALSE if the page doesn't list that group
 */
gboolean
cr_meetings_page_set_group_id (CrMeetingsPage *self,
                               gint64          group_id)
{
  guint n;

  g_return_val_if_fail (CR_IS_MEETINGS_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      if (cr_group_get_id (group) == group_id)
        {
          gtk_drop_down_set_selected (self->group_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cr_meetings_page_mark:
 * @row: the place in the attendance list
 * @mark: a #CrAttendanceMark
 *
 * Marks one person as a click on their button does.
 */
gboolean
cr_meetings_page_mark (CrMeetingsPage *self,
                       guint           row,
                       int             mark)
{
  g_return_val_if_fail (CR_IS_MEETINGS_PAGE (self), FALSE);

  if (self->meeting == NULL || self->expected == NULL || row >= self->expected->len)
    return FALSE;
  gtk_toggle_button_set_active (((GtkToggleButton **) g_ptr_array_index (self->marks, row))
                                  [mark - CR_ATTENDANCE_PRESENT],
                                TRUE);
  return ((CrExpectedAttendee *) g_ptr_array_index (self->expected, row))->mark == (CrAttendanceMark) mark;
}

/**
 * cr_meetings_page_get_quorum_text:
 *
 * Returns: (nullable): the quorum line shown, for tests
 */
const char *
cr_meetings_page_get_quorum_text (CrMeetingsPage *self)
{
  g_return_val_if_fail (CR_IS_MEETINGS_PAGE (self), NULL);
  return self->quorum_text;
}
