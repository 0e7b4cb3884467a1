/* cr-application.c: the application object
 *
 * One window per association file: opening a file that a window already
 * shows brings that window forward instead of taking a second lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-application.h"
#include "cr-window.h"

#include <glib/gi18n.h>

struct _CrApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CrApplication, cr_application, ADW_TYPE_APPLICATION)

static CrWindow *
find_window_for (CrApplication *self,
                 GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
       l != NULL;
       l = l->next)
    {
      if (CR_IS_WINDOW (l->data) &&
          cr_window_shows_file (CR_WINDOW (l->data), file))
        return CR_WINDOW (l->data);
    }
  return NULL;
}

static CrWindow *
find_empty_window (CrApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
       l != NULL;
       l = l->next)
    {
      if (CR_IS_WINDOW (l->data) &&
          cr_window_get_store (CR_WINDOW (l->data)) == NULL)
        return CR_WINDOW (l->data);
    }
  return NULL;
}

static void
cr_application_activate (GApplication *app)
{
  CrApplication *self = CR_APPLICATION (app);
  GtkWindow *window;
  g_autofree char *last = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (cr_window_new (self));

  /* Reopen what the secretary had open last time, so the everyday start is
   * one click; a file that has gone simply leaves the welcome page up.
   * The file starts opening before the window is shown, so its first
   * frame is already "Opening…" rather than the welcome page fading out. */
  last = g_settings_get_string (self->settings, "last-file");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GFile) file = g_file_new_for_path (last);
      cr_window_open_file (CR_WINDOW (window), file);
    }
  gtk_window_present (window);
}

static void
cr_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CrApplication *self = CR_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      CrWindow *window = find_window_for (self, files[i]);

      if (window == NULL)
        {
          window = find_empty_window (self);
          if (window == NULL)
            window = cr_window_new (self);
          cr_window_open_file (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CrApplication *self = CR_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Common Room contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Common Room"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Common Room contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The record book of a tenants’ and residents’ association: members, meetings, minutes, grants and training, kept by the group’s own rules."),
                        "website", "https://github.com/commonroom/commonroom",
                        "issue-url", "https://github.com/commonroom/commonroom/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CrApplication *self = CR_APPLICATION (user_data);
  GList *windows;

  /* Close each window properly so each saves its size and drops its lock. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CrApplication *self = CR_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (cr_window_new (self)));
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "new-window", new_window_action, NULL, NULL, NULL, { 0 } },
};

static void
cr_application_startup (GApplication *app)
{
  CrApplication *self = CR_APPLICATION (app);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.backup", { "<Control>b", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.show-page::overview", { "<Alt>1", NULL } },
    { "win.show-page::members", { "<Alt>2", NULL } },
    { "win.show-page::meetings", { "<Alt>3", NULL } },
    { "win.show-page::actions", { "<Alt>4", NULL } },
    { "win.show-page::attention", { "<Alt>5", NULL } },
    { "win.show-page::money", { "<Alt>6", NULL } },
    { "win.show-page::training", { "<Alt>7", NULL } },
    { "win.show-page::workplan", { "<Alt>8", NULL } },
    { "win.show-page::terms", { "<Alt>9", NULL } },
  };

  G_APPLICATION_CLASS (cr_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);
}

static void
cr_application_finalize (GObject *object)
{
  CrApplication *self = CR_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cr_application_parent_class)->finalize (object);
}

static void
cr_application_class_init (CrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cr_application_finalize;
  app_class->activate = cr_application_activate;
  app_class->open = cr_application_open;
  app_class->startup = cr_application_startup;
}

static void
cr_application_init (CrApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

/**
 * cr_application_new:
 *
 * Returns: (transfer full): the application
 */
CrApplication *
cr_application_new (void)
{
  return g_object_new (CR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * cr_application_get_settings:
 *
 * Returns: (transfer none): the app's settings
 */
GSettings *
cr_application_get_settings (CrApplication *self)
{
  g_return_val_if_fail (CR_IS_APPLICATION (self), NULL);
  return self->settings;
}
