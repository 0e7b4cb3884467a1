/* cr-validate.h: is this what a postcode, an email, a phone number looks like?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CR_VALIDATE_ERROR (cr_validate_error_quark ())

typedef enum
{
  CR_VALIDATE_ERROR_POSTCODE,
  CR_VALIDATE_ERROR_EMAIL,
  CR_VALIDATE_ERROR_PHONE,
} CrValidateError;

GQuark  cr_validate_error_quark (void);

char   *cr_validate_postcode    (const char  *text,
                                 GError     **error);
char   *cr_validate_email       (const char  *text,
                                 GError     **error);
char   *cr_validate_phone       (const char  *text,
                                 GError     **error);

G_END_DECLS
