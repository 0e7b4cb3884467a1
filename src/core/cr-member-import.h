/* cr-member-import.h: people from a spreadsheet saved as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-csv.h"
#include "cr-person.h"

G_BEGIN_DECLS

/* What a column of the file holds. */
typedef enum
{
  CR_MEMBER_FIELD_IGNORE = 0,
  CR_MEMBER_FIELD_NAME,         /* "Kwame Mensah" or "Mensah, Kwame" */
  CR_MEMBER_FIELD_GIVEN_NAME,
  CR_MEMBER_FIELD_FAMILY_NAME,
  CR_MEMBER_FIELD_ADDRESS,      /* several columns are joined with ", " */
  CR_MEMBER_FIELD_BLOCK,
  CR_MEMBER_FIELD_POSTCODE,
  CR_MEMBER_FIELD_PHONE,
  CR_MEMBER_FIELD_EMAIL,
  CR_MEMBER_FIELD_TENURE,
  CR_MEMBER_FIELD_JOINED,
  CR_MEMBER_FIELD_CONSENT,
  CR_MEMBER_FIELD_NOTES,
  CR_MEMBER_N_FIELDS
} CrMemberField;

/* One row that can't be imported, and why. */
typedef struct
{
  guint  line;     /* the physical line the row starts on, 1-based */
  char  *message;  /* a sentence, without the file and line */
} CrImportProblem;

/* One person ready to import. */
typedef struct
{
  guint     line;
  CrPerson *person;
  char     *joined;  /* ISO date they joined the association */
} CrImportRow;

typedef struct _CrMemberImport CrMemberImport;

CrMemberImport   *cr_member_import_new          (CrCsv          *csv,
                                                 const char     *today);
void              cr_member_import_free         (CrMemberImport *self);

guint             cr_member_import_get_n_columns (CrMemberImport *self);
const char       *cr_member_import_get_header   (CrMemberImport *self,
                                                 guint           column);
CrMemberField     cr_member_import_get_mapping  (CrMemberImport *self,
                                                 guint           column);
void              cr_member_import_set_mapping  (CrMemberImport *self,
                                                 guint           column,
                                                 CrMemberField   field);

gboolean          cr_member_import_check        (CrMemberImport *self);
GPtrArray        *cr_member_import_get_rows     (CrMemberImport *self);
GPtrArray        *cr_member_import_get_problems (CrMemberImport *self);
char             *cr_member_import_describe_problems (CrMemberImport *self,
                                                      const char     *filename,
                                                      guint           max);

const char       *cr_member_field_get_label     (CrMemberField   field);
CrMemberField     cr_member_field_for_header    (const char     *header);
gboolean          cr_split_full_name            (const char     *name,
                                                 char          **given,
                                                 char          **family);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrMemberImport, cr_member_import_free)

G_END_DECLS
