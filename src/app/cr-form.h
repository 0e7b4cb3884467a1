/* cr-form.h: small forms in message dialogs, shared by the window's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *cr_form_new          (GtkWidget         *near,
                                        const char        *heading,
                                        const char        *body,
                                        const char        *response,
                                        const char        *label,
                                        AdwResponseAppearance appearance);
GtkWidget        *cr_form_add          (AdwMessageDialog  *form,
                                        const char        *name,
                                        const char        *label,
                                        GtkWidget         *widget);
GtkWidget        *cr_form_entry        (const char        *text,
                                        const char        *placeholder);
GtkWidget        *cr_form_date_entry   (void);
const char       *cr_form_get_text     (AdwMessageDialog  *form,
                                        const char        *name);
guint             cr_form_get_choice   (AdwMessageDialog  *form,
                                        const char        *name);
gboolean          cr_form_get_date     (AdwMessageDialog  *form,
                                        const char        *name,
                                        gboolean           required,
                                        char             **iso,
                                        GError           **error);
void              cr_form_show_problem (GtkWidget         *near,
                                        const char        *heading,
                                        const char        *message);

G_END_DECLS
