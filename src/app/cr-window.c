/* cr-window.c: one window, showing one association file
 *
 * A window starts on the welcome page (New, Open, Try a demo, recent
 * files) and turns into the association's pages once a file is open. Files
 * open in a worker thread: the integrity check of a large file takes a
 * moment and the window must not freeze meanwhile.
 *
 * The window must appear about as fast as an empty one, so it holds
 * little at first: each of the nine pages is an empty slot until it is
 * first shown or reached (ensure_page()), a few light ones are built one
 * an idle round once the file is open (build_next_page()), and a file
 * given before the window is shown starts opening after its first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-window.h"

#include "cr-demo.h"
#include "cr-date.h"
#include "cr-actions-page.h"
#include "cr-annual-dialog.h"
#include "cr-attention-page.h"
#include "cr-meetings-page.h"
#include "cr-members-page.h"
#include "cr-group-dialog.h"
#include "cr-overview-page.h"
#include "cr-store-groups.h"
#include "cr-store-people.h"
#include "cr-terms-page.h"
#include "cr-money-page.h"
#include "cr-training-page.h"
#include "cr-workplan-page.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define MAX_RECENT 8
#define BACKUPS_KEPT 10

/* The pages of an open association, in the sidebar's order; each is the
 * stack page of the same name in cr-window.ui. */
typedef enum
{
  PAGE_OVERVIEW,
  PAGE_MEMBERS,
  PAGE_MEETINGS,
  PAGE_ACTIONS,
  PAGE_ATTENTION,
  PAGE_MONEY,
  PAGE_TRAINING,
  PAGE_WORKPLAN,
  PAGE_TERMS,
  N_PAGES
} CrWindowPage;

static const char *const page_names[N_PAGES] = {
  "overview", "members", "meetings", "actions", "attention", "money",
  "training", "workplan", "terms",
};

struct _CrWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CrStore              *store;
  GCancellable         *cancellable;
  gboolean              busy;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  AdwStatusPage        *loading_page;
  GtkSpinner           *spinner;
  AdwLeaflet           *leaflet;
  GtkLabel             *sidebar_title;
  GtkLabel             *sidebar_subtitle;
  AdwWindowTitle       *page_title;
  GtkStack             *pages;
  GtkDropDown          *group_dropdown;
  GtkStringList        *group_names;
  GtkMenuButton        *welcome_menu_button;
  GtkMenuButton        *group_menu_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *welcome_menu;
  GMenuModel           *group_menu;
  GMenuModel           *primary_menu;

  gint64                group_id;      /* the group shown; 0: all */
  GArray               *group_ids;     /* the switcher's, after "All" */
  gboolean              filling_groups;

  /* The pages, each built when first needed (see ensure_page()). */
  GtkWidget            *page[N_PAGES];
  CrPeopleModel        *people_model;  /* read with the file, until the
                                        * Members page takes it */
  guint                 warm_source;

  /* A file to open once the window has drawn its first frame. */
  struct _OpenData     *pending_open;
  gulong                first_paint_handler;
  guint                 pending_source;
};

G_DEFINE_FINAL_TYPE (CrWindow, cr_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  PROP_GROUP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A name erased from Needs Attention must not linger in the register. */
static void
page_erased_person (CrWindow *self,
                    gint64    person_id)
{
  if (self->page[PAGE_MEMBERS] != NULL)
    cr_members_page_person_changed (CR_MEMBERS_PAGE (self->page[PAGE_MEMBERS]),
                                    person_id);
}

static void open_path (CrWindow         *self,
                       const char       *path,
                       CrStoreOpenFlags  flags);
static GtkWidget *ensure_page (CrWindow     *self,
                               CrWindowPage  which);

#define OVERVIEW_PAGE(self) CR_OVERVIEW_PAGE (ensure_page (self, PAGE_OVERVIEW))
#define MEMBERS_PAGE(self) CR_MEMBERS_PAGE (ensure_page (self, PAGE_MEMBERS))
#define MEETINGS_PAGE(self) CR_MEETINGS_PAGE (ensure_page (self, PAGE_MEETINGS))
#define ACTIONS_PAGE(self) CR_ACTIONS_PAGE (ensure_page (self, PAGE_ACTIONS))
#define ATTENTION_PAGE(self) CR_ATTENTION_PAGE (ensure_page (self, PAGE_ATTENTION))

/* Recent files */

static char *
display_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  g_autofree char *shown = NULL;

  if (g_str_has_prefix (dir, home) &&
      (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    shown = g_strconcat ("~", dir + strlen (home), NULL);
  else
    shown = g_strdup (dir);
  return g_filename_display_name (shown);
}

static char *
display_stem (const char *path)
{
  g_autofree char *base = g_filename_display_basename (path);

  if (g_str_has_suffix (base, ".commonroom"))
    base[strlen (base) - strlen (".commonroom")] = '\0';
  return g_steal_pointer (&base);
}

static void
rebuild_recent_list (CrWindow *self)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      /* A file moved or deleted since is simply not offered. */
      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;

      title = display_stem (recent[i]);
      folder = display_folder (recent[i]);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]),
                              g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
remember_file (CrWindow   *self,
               const char *path)
{
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (old[i], path))
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-files",
                       (const char *const *) recent);
  g_settings_set_string (self->settings, "last-file", path);
}

static void
recent_row_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      CrWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path != NULL)
    open_path (self, path, CR_STORE_OPEN_READ_WRITE);
}

/* State */

static void
set_busy (CrWindow   *self,
          gboolean    busy,
          const char *what)
{
  if (busy)
    {
      adw_status_page_set_title (self->loading_page, what);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  else
    gtk_spinner_stop (self->spinner);

  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
update_actions (CrWindow *self)
{
  gboolean open = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-file", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore",
                                 open && cr_store_is_writable (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-members", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-members",
                                 open && cr_store_is_writable (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-group",
                                 open && cr_store_is_writable (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-group",
                                 open && cr_store_is_writable (self->store) &&
                                 self->group_id != 0 &&
                                 self->group_id != cr_store_get_association_group (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo", !self->busy);
}

static void
page_changed (CrWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->pages);
  GtkStackPage *page;
  g_autofree char *subtitle = NULL;

  if (child == NULL)
    return;
  page = gtk_stack_get_page (self->pages, child);
  if (self->page[PAGE_MEMBERS] != NULL &&
      gtk_widget_is_ancestor (self->page[PAGE_MEMBERS], child))
    g_object_get (self->page[PAGE_MEMBERS], "subtitle", &subtitle, NULL);

  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
  adw_window_title_set_subtitle (self->page_title, subtitle ? subtitle : "");
}

static void
back_clicked (GtkButton *button,
              CrWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static int
page_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < N_PAGES; i++)
    if (g_str_equal (name, page_names[i]))
      return (int) i;
  return -1;
}

static void
page_selected (CrWindow *self)
{
  int shown = page_from_name (gtk_stack_get_visible_child_name (self->pages));

  /* A page is built the first time it is shown, and reads the file then;
   * one built before reads again the records that change elsewhere:
   * actions change on the Meetings page, the checks on every page. */
  if (self->store != NULL && shown >= 0)
    {
      gboolean fresh = self->page[shown] == NULL;

      ensure_page (self, shown);
      if (!fresh && shown == PAGE_ACTIONS)
        cr_actions_page_reload (ACTIONS_PAGE (self));
      else if (!fresh && shown == PAGE_ATTENTION)
        cr_attention_page_reload (ATTENTION_PAGE (self));
      else if (!fresh && shown == PAGE_OVERVIEW)
        cr_overview_page_reload (OVERVIEW_PAGE (self));
    }
  page_changed (self);
  /* On a narrow window the sidebar is all there is: picking a page shows
   * it. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Groups, and going to the record an item is about */

static void toast (CrWindow   *self,
                   const char *text);

/* Fills the switcher: "All groups", then each group under its parent;
 * keeps the group shown if it is still there. */
static void
fill_groups (CrWindow *self)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->group_names));
  guint selected = 0;

  self->filling_groups = TRUE;
  gtk_string_list_splice (self->group_names, 0, n, NULL);
  g_array_set_size (self->group_ids, 0);
  gtk_string_list_append (self->group_names, _("All groups"));
  if (self->store != NULL)
    groups = cr_store_list_group_infos (self->store, &error);
  if (groups == NULL && error != NULL)
    g_warning ("Could not read the groups: %s", error->message);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      CrGroupInfo *g = g_ptr_array_index (groups, i);
      g_autofree char *indent = g_strnfill (g->depth * 2, ' ');
      g_autofree char *label = g_strconcat (indent, g->name, NULL);

      gtk_string_list_append (self->group_names, label);
      g_array_append_val (self->group_ids, g->id);
      if (g->id == self->group_id)
        selected = self->group_ids->len;
    }
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  self->filling_groups = FALSE;
  if (selected == 0 && self->group_id != 0)
    cr_window_set_group_id (self, 0);
}

static void
group_selected (CrWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->filling_groups)
    return;
  cr_window_set_group_id (self, i > 0 && i <= self->group_ids->len
                                ? g_array_index (self->group_ids, gint64, i - 1)
                                : 0);
}

/**
 * cr_window_get_group_id:
 *
 * Returns: the group the Overview, Needs Attention and Terms of Reference
 *   pages show, or 0 for every group
 */
gint64
cr_window_get_group_id (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), 0);
  return self->group_id;
}

/**
 * cr_window_set_group_id:
 * @group_id: a group of the open file, or 0 for every group
 */
void
cr_window_set_group_id (CrWindow *self,
                        gint64    group_id)
{
  g_return_if_fail (CR_IS_WINDOW (self));

  if (self->group_id == group_id)
    return;
  self->group_id = group_id;
  /* The switcher follows a change made from elsewhere. */
  if (!self->filling_groups)
    for (guint i = 0; i < self->group_ids->len; i++)
      if (g_array_index (self->group_ids, gint64, i) == group_id &&
          gtk_drop_down_get_selected (self->group_dropdown) != i + 1)
        {
          self->filling_groups = TRUE;
          gtk_drop_down_set_selected (self->group_dropdown, i + 1);
          self->filling_groups = FALSE;
        }
  /* The Meetings page has its own drop-down; keep it in step. */
  if (self->page[PAGE_MEETINGS] != NULL)
    cr_meetings_page_set_group_id (MEETINGS_PAGE (self), group_id);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_ID]);
}

static void
group_saved (gpointer user_data,
             gint64   group_id)
{
  CrWindow *self = user_data;

  /* The Meetings page lists the groups too: read them again. */
  if (self->page[PAGE_MEETINGS] != NULL)
    cr_meetings_page_set_store (MEETINGS_PAGE (self), self->store);
  fill_groups (self);
  cr_window_set_group_id (self, group_id);
}

static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  if (self->store != NULL)
    cr_group_dialog_present (GTK_WIDGET (self), self->store, 0, group_saved,
                             self);
}

static void
edit_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  if (self->store != NULL && self->group_id != 0)
    cr_group_dialog_present (GTK_WIDGET (self), self->store, self->group_id,
                             group_saved, self);
}

/**
 * cr_window_show_person:
 * @person_id: a person of the open file
 *
 * Shows the Members page with the register narrowed to the person, and
 * opens their record.
 */
void
cr_window_show_person (CrWindow *self,
                       gint64    person_id)
{
  g_autoptr (CrPerson) person = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();

  g_return_if_fail (CR_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  person = cr_store_get_person (self->store, person_id, today, &error);
  if (person == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, "members");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  cr_members_page_search (MEMBERS_PAGE (self), cr_person_get_name (person));
  cr_members_page_edit_person (MEMBERS_PAGE (self), person);
}

/**
 * cr_window_show_meeting:
 * @meeting_id: a meeting of the open file
 *
 * Shows the Meetings page with the meeting selected.
 */
void
cr_window_show_meeting (CrWindow *self,
                        gint64    meeting_id)
{
  g_return_if_fail (CR_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  gtk_stack_set_visible_child_name (self->pages, "meetings");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  /* A meeting of another group than the one shown: show them all. */
  if (!cr_meetings_page_select_meeting (MEETINGS_PAGE (self), meeting_id) &&
      (!cr_meetings_page_set_group_id (MEETINGS_PAGE (self), 0) ||
       !cr_meetings_page_select_meeting (MEETINGS_PAGE (self), meeting_id)))
    toast (self, _("That meeting is no longer in the file."));
}

static void
page_shows_person (CrWindow *self,
                   gint64    person_id)
{
  cr_window_show_person (self, person_id);
}

static void
page_shows_meeting (CrWindow *self,
                    gint64    meeting_id)
{
  cr_window_show_meeting (self, meeting_id);
}

/* An item about a whole group opens its terms of reference. */
static void
page_shows_group (CrWindow *self,
                  gint64    group_id)
{
  cr_window_set_group_id (self, group_id);
  gtk_stack_set_visible_child_name (self->pages, "terms");
}

static void
page_shows_page (CrWindow   *self,
                 const char *name)
{
  if (gtk_stack_get_child_by_name (self->pages, name) != NULL)
    gtk_stack_set_visible_child_name (self->pages, name);
}

/* Pages */

/* Gives a page the open file (or %NULL when it closes). */
static void
page_set_store (CrWindow     *self,
                CrWindowPage  which,
                CrStore      *store)
{
  GtkWidget *page = self->page[which];

  g_assert (page != NULL);

  switch (which)
    {
    case PAGE_OVERVIEW:
      cr_overview_page_set_store (CR_OVERVIEW_PAGE (page), store);
      break;
    case PAGE_MEMBERS:
      /* The register read in the worker with the file, if it is this
       * file's; otherwise the page reads it itself. */
      if (self->people_model != NULL &&
          cr_people_model_get_store (self->people_model) != store)
        g_clear_object (&self->people_model);
      cr_members_page_set_store_with_model (CR_MEMBERS_PAGE (page), store,
                                            self->people_model);
      g_clear_object (&self->people_model);
      break;
    case PAGE_MEETINGS:
      cr_meetings_page_set_store (CR_MEETINGS_PAGE (page), store);
      if (store != NULL && self->group_id != 0)
        cr_meetings_page_set_group_id (CR_MEETINGS_PAGE (page), self->group_id);
      break;
    case PAGE_ACTIONS:
      cr_actions_page_set_store (CR_ACTIONS_PAGE (page), store);
      break;
    case PAGE_ATTENTION:
      cr_attention_page_set_store (CR_ATTENTION_PAGE (page), store);
      break;
    case PAGE_MONEY:
      cr_money_page_set_store (CR_MONEY_PAGE (page), store);
      break;
    case PAGE_TRAINING:
      cr_training_page_set_store (CR_TRAINING_PAGE (page), store);
      break;
    case PAGE_WORKPLAN:
      cr_workplan_page_set_store (CR_WORKPLAN_PAGE (page), store);
      break;
    case PAGE_TERMS:
      cr_terms_page_set_store (CR_TERMS_PAGE (page), store);
      break;
    case N_PAGES:
    default:
      g_assert_not_reached ();
    }
}

/* Builds a page the first time anything needs it, and wires it to the
 * window: the items it opens, the group switcher it follows, the file.
 * Everything that reaches a page comes through here, so a page not yet
 * shown behaves as if it had always been there.
 *
 * Returns: (transfer none): the page */
static GtkWidget *
ensure_page (CrWindow     *self,
             CrWindowPage  which)
{
  static GType (*const types[N_PAGES]) (void) = {
    cr_overview_page_get_type, cr_members_page_get_type,
    cr_meetings_page_get_type, cr_actions_page_get_type,
    cr_attention_page_get_type, cr_money_page_get_type,
    cr_training_page_get_type, cr_workplan_page_get_type,
    cr_terms_page_get_type,
  };
  GtkWidget *page;

  g_assert (which < N_PAGES);

  if (self->page[which] != NULL)
    return self->page[which];

  page = g_object_new (types[which] (), NULL);
  self->page[which] = page;
  adw_bin_set_child (ADW_BIN (gtk_stack_get_child_by_name (self->pages,
                                                          page_names[which])),
                     page);

  /* Items on these pages open a person, a meeting, a group or a page. */
  if (which == PAGE_OVERVIEW || which == PAGE_ATTENTION)
    {
      g_signal_connect_object (page, "show-person",
                               G_CALLBACK (page_shows_person), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "show-meeting",
                               G_CALLBACK (page_shows_meeting), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "show-group",
                               G_CALLBACK (page_shows_group), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "show-page",
                               G_CALLBACK (page_shows_page), self,
                               G_CONNECT_SWAPPED);
    }
  if (which == PAGE_ATTENTION)
    g_signal_connect_object (page, "erased", G_CALLBACK (page_erased_person),
                             self, G_CONNECT_SWAPPED);
  if (which == PAGE_MEMBERS)
    g_signal_connect_object (page, "notify::subtitle",
                             G_CALLBACK (page_changed), self,
                             G_CONNECT_SWAPPED);
  /* These follow the group switcher; bound before the file is given, so
   * the page reads its group's records once. */
  if (which == PAGE_OVERVIEW || which == PAGE_ATTENTION ||
      which == PAGE_TERMS || which == PAGE_TRAINING || which == PAGE_WORKPLAN)
    g_object_bind_property (self, "group-id", page, "group-id",
                            G_BINDING_SYNC_CREATE);

  if (self->store != NULL)
    page_set_store (self, which, self->store);
  return page;
}

/* Builds one page not yet built, a page an idle round, so that it is
 * ready when asked for and the window answers meanwhile: the register
 * (read with the file already) and the pages that follow the group
 * switcher and read little. The others read a great deal as they are
 * built (on a 100,000-person file the Meetings page 14 s, Training 2 s,
 * the actions log 0.9 s, Money 0.2 s, all on this thread), so they wait
 * until they are asked for rather than freeze the window unasked. */
static gboolean
build_next_page (gpointer user_data)
{
  static const CrWindowPage ahead[] = {
    PAGE_OVERVIEW, PAGE_MEMBERS, PAGE_TERMS, PAGE_WORKPLAN, PAGE_ATTENTION,
  };
  CrWindow *self = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (ahead); i++)
    if (self->page[ahead[i]] == NULL)
      {
        ensure_page (self, ahead[i]);
        return G_SOURCE_CONTINUE;
      }
  self->warm_source = 0;
  return G_SOURCE_REMOVE;
}

static void
show_store (CrWindow      *self,
            CrStore       *store,
            CrPeopleModel *model)
{
  g_autofree char *stem = display_stem (cr_store_get_path (store));

  g_set_object (&self->store, store);
  g_set_object (&self->people_model, model);
  self->group_id = 0;
  /* Pages built for a file opened before read this one; the others read
   * it when they are built. */
  for (guint i = 0; i < N_PAGES; i++)
    if (self->page[i] != NULL)
      page_set_store (self, i, store);
  fill_groups (self);

  gtk_label_set_text (self->sidebar_title,
                      cr_store_get_association_name (store));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title),
                               cr_store_get_association_name (store));
  gtk_label_set_text (self->sidebar_subtitle,
                      cr_store_is_writable (store) ? stem : _("Read-only"));
  gtk_window_set_title (GTK_WINDOW (self),
                        cr_store_get_association_name (store));
  gtk_stack_set_visible_child_name (self->pages, "overview");
  ensure_page (self, PAGE_OVERVIEW);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  page_changed (self);
  gtk_stack_set_visible_child_name (self->main_stack, "association");
  /* The other pages are built while the user looks at the first. */
  if (self->warm_source == 0)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, build_next_page,
                                         self, NULL);

  remember_file (self, cr_store_get_path (store));
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Messages */

static void toast (CrWindow   *self,
                   const char *text);

/* Every session that changed something leaves a copy behind, so today's
 * mistakes can be undone from "Restore from backup". */
static void
close_store (CrWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (!cr_store_backup_on_close (self->store, BACKUPS_KEPT, &error))
    {
      g_warning ("No backup on closing %s: %s",
                 cr_store_get_path (self->store), error->message);
      toast (self, _("The file was closed, but its backup copy could not be made"));
    }
  cr_store_close (self->store);
}

static void
show_error (CrWindow   *self,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                   _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (CrWindow   *self,
       const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Opening */

typedef struct _OpenData
{
  char             *path;
  char             *name;  /* for a new demo */
  CrStoreOpenFlags  flags;
  gboolean          demo;
  CrPeopleModel    *model;  /* read in the worker, with the store */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data->name);
  g_clear_object (&data->model);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;

  if (data->demo && !g_file_test (data->path, G_FILE_TEST_EXISTS))
    {
      CrDemoOptions options = { .members = 300, .seed = 1 };
      g_autofree char *dir = g_path_get_dirname (data->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_task_return_new_error (task, G_IO_ERROR,
                                   g_io_error_from_errno (saved),
                                   _("The demo can’t be made in “%s”: %s."),
                                   dir, g_strerror (saved));
          return;
        }
      store = cr_store_create (data->path, data->name, &error);
      if (store != NULL && !cr_demo_fill (store, &options, &error))
        {
          /* A half-filled demo would only confuse; start afresh next time. */
          cr_store_close (store);
          g_unlink (data->path);
          g_clear_object (&store);
        }
    }
  else
    store = cr_store_open (data->path, data->flags, &error);

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The register is read here too: for 100,000 people that is a third of
   * a second the window would otherwise stand still for. */
  data->model = cr_people_model_new (store);
  if (!cr_people_model_reload (data->model, &error))
    {
      g_warning ("Could not list people: %s", error->message);
      g_clear_error (&error);
      g_clear_object (&data->model);
    }
  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
locked_response (AdwMessageDialog *dialog,
                 const char       *response,
                 CrWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "read-only"))
    open_path (self, path, CR_STORE_OPEN_READ_ONLY);
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CrWindow *self = CR_WINDOW (source);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stem = display_stem (data->path);

  store = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: the window was closed while the file opened, and its
   * widgets may be gone; the store, if any, closes as it is dropped. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE, NULL);
  update_actions (self);

  if (store != NULL)
    {
      show_store (self, store, data->model);
      if (!cr_store_is_writable (store))
        toast (self, _("Opened read-only: changes can’t be made here"));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->store ? "association" : "welcome");
  rebuild_recent_list (self);

  if (g_error_matches (error, CR_STORE_ERROR, CR_STORE_ERROR_LOCKED))
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Is in Use"), stem);
      GtkWidget *dialog;

      /* Reading beside a writer is safe; offer it rather than a dead end. */
      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                       error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "read-only", _("Open _Read-Only"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                               "read-only");
      g_object_set_data_full (G_OBJECT (dialog), "path",
                              g_strdup (data->path), g_free);
      g_signal_connect_object (dialog, "response",
                               G_CALLBACK (locked_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), stem);

    show_error (self, heading, error);
  }
}

static void start_open (CrWindow *self,
                        OpenData *data);

static void
run_open (CrWindow *self,
          OpenData *data)
{
  g_autoptr (GTask) task = NULL;

  task = g_task_new (self, self->cancellable, open_done, NULL);
  g_task_set_source_tag (task, start_open);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

static void
stop_waiting_to_open (CrWindow *self)
{
  g_clear_handle_id (&self->pending_source, g_source_remove);
  if (self->first_paint_handler != 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        g_signal_handler_disconnect (clock, self->first_paint_handler);
      self->first_paint_handler = 0;
    }
}

static void
open_pending (CrWindow *self)
{
  OpenData *data = g_steal_pointer (&self->pending_open);

  stop_waiting_to_open (self);
  if (data != NULL)
    run_open (self, data);
}

static void
first_paint (GdkFrameClock *clock,
             CrWindow      *self)
{
  open_pending (self);
}

static gboolean
open_pending_anyway (gpointer user_data)
{
  CrWindow *self = user_data;

  self->pending_source = 0;
  open_pending (self);
  return G_SOURCE_REMOVE;
}

static void
start_open (CrWindow *self,
            OpenData *data)
{
  if (self->busy)
    {
      open_data_free (data);
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE, data->demo ? _("Making the Demo Association…")
                                   : _("Opening…"));
  update_actions (self);

  /* A window about to appear opens its file once it has drawn its first
   * frame ("Opening…"): on a two-core laptop the integrity check of a
   * large file, run beside that frame, held the window back by a third.
   * A window that is never shown opens it anyway, a moment later. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      run_open (self, data);
      return;
    }
  g_clear_pointer (&self->pending_open, open_data_free);
  self->pending_open = data;
  if (self->pending_source == 0)
    self->pending_source = g_timeout_add (500, open_pending_anyway, self);
}

static void
cr_window_map (GtkWidget *widget)
{
  CrWindow *self = CR_WINDOW (widget);

  GTK_WIDGET_CLASS (cr_window_parent_class)->map (widget);

  if (self->pending_open != NULL && self->first_paint_handler == 0)
    self->first_paint_handler =
      g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                        G_CALLBACK (first_paint), self);
}

static void
open_path (CrWindow         *self,
           const char       *path,
           CrStoreOpenFlags  flags)
{
  OpenData *data;

  if (self->store != NULL &&
      g_strcmp0 (cr_store_get_path (self->store), path) == 0 &&
      (flags & CR_STORE_OPEN_READ_WRITE) == 0)
    return;

  /* One file a window: the open one is closed (its lock released) first, so
   * reopening the same file read-write is never refused by ourselves. */
  if (self->store != NULL)
    cr_window_close_file (self);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;
  start_open (self, data);
}

/* Actions */

static GtkFileFilter *
association_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Common Room Associations"));
  gtk_file_filter_add_mime_type (filter, "application/x-commonroom");
  gtk_file_filter_add_suffix (filter, "commonroom");
  return filter;
}

static void
open_response (GtkNativeDialog *chooser,
               int              response,
               CrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file =
        gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      cr_window_open_file (self, file);
    }
  g_object_unref (chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open an Association"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), association_filter ());
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_file_response (GtkNativeDialog *chooser,
                   int              response,
                   CrWindow        *self)
{
  const char *name = g_object_get_data (G_OBJECT (chooser), "name");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file =
        gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (CrStore) store = NULL;
      g_autoptr (GError) error = NULL;

      /* An existing file is never replaced: it may be another
       * association's only record. */
      store = cr_store_create (path, name, &error);
      if (store == NULL)
        show_error (self, _("Could Not Create the Association"), error);
      else
        {
          if (self->store != NULL)
            cr_window_close_file (self);
          show_store (self, store, NULL);
        }
    }
  g_object_unref (chooser);
}

static void
ask_where_to_save (CrWindow   *self,
                   const char *name)
{
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;
  g_autofree char *clean = g_strdup (name);

  /* A slash cannot be in a file name; the association's name can hold one. */
  g_strdelimit (clean, "/\\", '-');
  suggested = g_strconcat (clean, ".commonroom", NULL);

  chooser = gtk_file_chooser_native_new (_("Save the New Association"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), association_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "name", g_strdup (name), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (new_file_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
name_changed (GtkEditable      *entry,
              AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

static void
name_response (AdwMessageDialog *dialog,
               const char       *response,
               CrWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "create") && *name != '\0')
    ask_where_to_save (self, name);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Association"),
                                   _("What is the association called? This is "
                                     "the name printed on its reports and "
                                     "sign-in sheets."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                           "create", FALSE);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  _("e.g. Ashbourne Vale Tenants’ Association"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Association name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed),
                           dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  OpenData *data;

  if (self->store != NULL)
    cr_window_close_file (self);

  /* The demo lives in the app's own folder, away from real records. */
  data = g_new0 (OpenData, 1);
  data->path = g_build_filename (g_get_user_data_dir (), "commonroom", "demo",
                                 "Ashbourne Vale (demo).commonroom", NULL);
  data->name = g_strdup (CR_DEMO_ASSOCIATION_NAME);
  data->flags = CR_STORE_OPEN_READ_WRITE;
  data->demo = TRUE;
  start_open (self, data);
}

static void
backup_response (GtkNativeDialog *chooser,
                 int              response,
                 CrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr (GFile) file =
        gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;

      if (!cr_store_backup (self->store, path, &error))
        show_error (self, _("The Backup Was Not Made"), error);
      else
        toast (self, _("Backup saved"));
    }
  g_object_unref (chooser);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stem = NULL;
  g_autofree char *date = NULL;
  g_autofree char *suggested = NULL;

  if (self->store == NULL)
    return;

  stem = display_stem (cr_store_get_path (self->store));
  date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: a backup's file name: the association's file, then a date */
  suggested = g_strdup_printf (_("%s backup %s.commonroom"), stem, date);

  chooser = gtk_file_chooser_native_new (_("Back Up the Association"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (backup_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
close_file_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  cr_window_close_file (self);
  /* Closed on purpose: next time start on the welcome page. */
  g_settings_set_string (self->settings, "last-file", "");
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->store == NULL || gtk_stack_get_child_by_name (self->pages, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->pages, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_stack_set_visible_child_name (self->pages, "members");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  cr_members_page_focus_search (MEMBERS_PAGE (self));
}

static void
import_members_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_stack_set_visible_child_name (self->pages, "members");
  cr_members_page_import (MEMBERS_PAGE (self));
}

static void
export_members_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_stack_set_visible_child_name (self->pages, "members");
  cr_members_page_export (MEMBERS_PAGE (self));
}

/* The council pack for a year, in its own dialog. */
static void
annual_return_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  GDate today;
  CrAnnualDialog *dialog;

  if (self->store == NULL)
    return;
  cr_date_today (&today);
  dialog = cr_annual_dialog_new (self->store, g_date_get_year (&today));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Restore */

static char *
backup_title (const CrBackup *backup)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) made = g_date_time_new_from_iso8601 (backup->made, local);

  /* "Monday 23 November 2026, 14:05" */
  return made ? g_date_time_format (made, "%A %-d %B %Y, %H:%M")
              : g_strdup (backup->made);
}

static void
restore_confirmed (AdwMessageDialog *dialog,
                   const char       *response,
                   CrWindow         *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;
  if (!cr_window_restore (self, path, backup, &error))
    show_error (self, _("The Backup Was Not Restored"), error);
}

static void
restore_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       CrWindow      *self)
{
  AdwMessageDialog *chooser = g_object_get_data (G_OBJECT (list), "dialog");
  const char *backup = g_object_get_data (G_OBJECT (row), "backup");
  const char *path = g_object_get_data (G_OBJECT (list), "path");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("The association file will be put back as it "
                            "was then (%s). Everything changed since is set "
                            "aside as a backup of its own, so this can be "
                            "undone."),
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_window_close (GTK_WINDOW (chooser));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (backup), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_confirmed),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrWindow *self = CR_WINDOW (widget);
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog, *scrolled, *list;
  const char *path;

  if (self->store == NULL)
    return;
  path = cr_store_get_path (self->store);
  backups = cr_store_list_backups (path, &error);
  if (backups == NULL)
    {
      show_error (self, _("No Backups"), error);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore from Backup"),
                                   backups->len > 0
                                   ? _("Choose the copy to go back to. A copy is "
                                       "made each time the file is closed after "
                                       "changes, and before each update.")
                                   : _("There are no backups of this file yet. "
                                       "One is made each time it is closed after "
                                       "changes."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                   _("_Cancel"));
  if (backups->len > 0)
    {
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < backups->len; i++)
        {
          CrBackup *b = g_ptr_array_index (backups, i);
          g_autofree char *title = backup_title (b);
          g_autofree char *subtitle = NULL;
          GtkWidget *row = adw_action_row_new ();

          if (b->people >= 0)
            subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s, %lld person",
                                                     "%s, %lld people",
                                                     b->people),
                                        b->reason, (long long) b->people);
          else
            subtitle = g_strdup (b->reason);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "backup", g_strdup (b->path),
                                  g_free);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      g_object_set_data (G_OBJECT (list), "dialog", dialog);
      g_object_set_data_full (G_OBJECT (list), "path", g_strdup (path), g_free);
      g_signal_connect_object (list, "row-activated",
                               G_CALLBACK (restore_row_activated), self, 0);
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled),
                                                        TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cr_window_restore:
 * @path: the association file (the one this window has open)
 * @backup: the copy to put back
 *
 * Closes the file, restores @backup over it (the file as it was is kept as
 * a backup) and opens it again. If the restore is refused, the file is
 * opened again as it was.
 */
gboolean
cr_window_restore (CrWindow    *self,
                   const char  *path,
                   const char  *backup,
                   GError     **error)
{
  g_autofree char *keep = g_strdup (path);
  gboolean ok;

  g_return_val_if_fail (CR_IS_WINDOW (self), FALSE);

  cr_window_close_file (self);
  ok = cr_store_restore (keep, backup, error);
  open_path (self, keep, CR_STORE_OPEN_READ_WRITE);
  if (ok)
    toast (self, _("Restored from the backup"));
  return ok;
}

/* GObject */

static gboolean
cr_window_close_request (GtkWindow *window)
{
  CrWindow *self = CR_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (window));

  if (self->store != NULL)
    close_store (self);

  return GTK_WINDOW_CLASS (cr_window_parent_class)->close_request (window);
}

static void
cr_window_dispose (GObject *object)
{
  CrWindow *self = CR_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_waiting_to_open (self);
  g_clear_pointer (&self->pending_open, open_data_free);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_object (&self->people_model);
  if (self->store != NULL)
    cr_store_close (self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_WINDOW);
  /* The pages went with their slots in the template. */
  memset (self->page, 0, sizeof self->page);

  G_OBJECT_CLASS (cr_window_parent_class)->dispose (object);
}

static void
cr_window_finalize (GObject *object)
{
  CrWindow *self = CR_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->group_ids, g_array_unref);
  G_OBJECT_CLASS (cr_window_parent_class)->finalize (object);
}

static void
cr_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrWindow *self = CR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_window_class_init (CrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cr_window_dispose;
  object_class->finalize = cr_window_finalize;
  object_class->get_property = cr_window_get_property;
  window_class->close_request = cr_window_close_request;
  widget_class->map = cr_window_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CR_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                          G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GROUP_ID] =
    g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                        G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, sidebar_subtitle);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, group_names);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, group_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, welcome_menu);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, group_menu);
  gtk_widget_class_bind_template_child (widget_class, CrWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, group_selected);
  gtk_widget_class_install_action (widget_class, "win.new-group", NULL,
                                   new_group_action);
  gtk_widget_class_install_action (widget_class, "win.edit-group", NULL,
                                   edit_group_action);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, page_changed);
  gtk_widget_class_bind_template_callback (widget_class, page_selected);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL,
                                   backup_action);
  gtk_widget_class_install_action (widget_class, "win.close-file", NULL,
                                   close_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL,
                                   restore_action);
  gtk_widget_class_install_action (widget_class, "win.import-members", NULL,
                                   import_members_action);
  gtk_widget_class_install_action (widget_class, "win.export-members", NULL,
                                   export_members_action);
  gtk_widget_class_install_action (widget_class, "win.annual-return", NULL,
                                   annual_return_action);
}

/* Gives a menu button its menu the first time it opens (by click or F10);
 * GTK asks again at every opening, when it is already there. */
static void
build_menu (GtkMenuButton *button,
            gpointer       model)
{
  if (gtk_menu_button_get_menu_model (button) != model)
    gtk_menu_button_set_menu_model (button, model);
}

static void
cr_window_init (CrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->welcome_menu_button, build_menu,
                                         self->welcome_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->group_menu_button, build_menu,
                                         self->group_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, build_menu,
                                         self->primary_menu, NULL);
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  rebuild_recent_list (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_actions (self);
}

/**
 * cr_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer none): a new window on the welcome page
 */
CrWindow *
cr_window_new (CrApplication *application)
{
  return g_object_new (CR_TYPE_WINDOW, "application", application, NULL);
}

/**
 * cr_window_open_file:
 * @file: an association file
 *
 * Opens @file for editing, in the background; a refusal (damaged, not
 * ours, too new, in use) is explained in a dialog and changes nothing.
 */
void
cr_window_open_file (CrWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr (GError) error = NULL;

      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only files on this computer can be opened."));
      show_error (self, _("Could Not Open the File"), error);
      return;
    }
  open_path (self, path, CR_STORE_OPEN_READ_WRITE);
}

/**
 * cr_window_close_file:
 *
 * Closes the open association, if any, and goes back to the welcome page.
 */
void
cr_window_close_file (CrWindow *self)
{
  g_return_if_fail (CR_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_object (&self->people_model);
  for (guint i = 0; i < N_PAGES; i++)
    if (self->page[i] != NULL)
      page_set_store (self, i, NULL);
  close_store (self);
  g_clear_object (&self->store);

  gtk_window_set_title (GTK_WINDOW (self), _("Common Room"));
  rebuild_recent_list (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * cr_window_shows_file:
 *
 * Returns: whether @file is the association this window has open
 */
gboolean
cr_window_shows_file (CrWindow *self,
                      GFile    *file)
{
  g_autoptr (GFile) mine = NULL;

  g_return_val_if_fail (CR_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  mine = g_file_new_for_path (cr_store_get_path (self->store));
  return g_file_equal (mine, file);
}

/**
 * cr_window_get_store:
 *
 * Returns: (transfer none) (nullable): the open association
 */
CrStore *
cr_window_get_store (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
cr_window_get_busy (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), FALSE);
  return self->busy;
}

/**
 * cr_window_get_members_page:
 *
 * Returns: (transfer none): the Members page
 */
CrMembersPage *
cr_window_get_members_page (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);
  return MEMBERS_PAGE (self);
}

/**
 * cr_window_get_meetings_page:
 *
 * Returns: (transfer none): the Meetings page
 */
CrMeetingsPage *
cr_window_get_meetings_page (CrWindow *self)
{
  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);
  return MEETINGS_PAGE (self);
}

/**
 * cr_window_get_visible_page:
 *
 * Returns: (transfer none): "welcome", "loading" or the name of the page
 *   shown for the open association ("members" …)
 */
const char *
cr_window_get_visible_page (CrWindow *self)
{
  const char *top;

  g_return_val_if_fail (CR_IS_WINDOW (self), NULL);

  top = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (top, "association") == 0)
    return gtk_stack_get_visible_child_name (self->pages);
  return top;
}
