/* cr-page.h: A4 pages laid out once, drawn in any order
 *
 * A CrPageDoc is a printed document built from blocks (paragraphs, tables,
 * rules, signature lines) and then paginated in one pass: it knows how many
 * pages it has before any is drawn, and each page can be drawn on its own,
 * in any order, onto any cairo context: a PDF surface for
 * `commonroom-cli print`, or the context GtkPrintOperation hands the
 * window's draw-page handler. Text is laid out with Pango at 72 dpi with
 * unhinted metrics, so the layout is the same on paper, on screen and in
 * a PDF.
 *
 * Every page has a footer ("Printed on 22/11/2026 by Common Room" and
 * "Page 2 of 3"); pages after the first carry a running header, since the
 * first opens with the document's own title. Table header rows repeat at
 * the top of each page a table runs onto, and rows are never split.
 *
 * All lengths are in points (1/72 inch).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define CR_PAGE_A4_WIDTH       595.28
#define CR_PAGE_A4_HEIGHT      841.89
#define CR_PAGE_MARGIN_SIDE     51.0   /* 18 mm */
#define CR_PAGE_MARGIN_TOP      45.0
#define CR_PAGE_MARGIN_BOTTOM   62.0   /* the footer sits inside it */
#define CR_PAGE_TEXT_WIDTH     (CR_PAGE_A4_WIDTH - 2 * CR_PAGE_MARGIN_SIDE)

#define CR_PRINT_ERROR (cr_print_error_quark ())

typedef enum
{
  CR_PRINT_ERROR_WRITE,      /* the file could not be written */
  CR_PRINT_ERROR_NO_SPACE,   /* the disk (or the user's quota) is full */
  CR_PRINT_ERROR_NO_FOLDER,  /* the folder to save in does not exist */
} CrPrintError;

/* The type sizes of the house style; every size is large enough to read at
 * arm's length on a noticeboard. */
typedef enum
{
  CR_PAGE_STYLE_BODY,      /* 11.5 pt: running text */
  CR_PAGE_STYLE_TITLE,     /* 24 pt bold: the association's name */
  CR_PAGE_STYLE_SUBTITLE,  /* 16 pt: "Agenda", "Minutes" and the group */
  CR_PAGE_STYLE_DETAILS,   /* 12 pt: date, time, venue */
  CR_PAGE_STYLE_HEADING,   /* 13.5 pt bold, kept with what follows */
  CR_PAGE_STYLE_NOTE,      /* 11 pt, dark grey: instructions, notes */
} CrPageStyle;

typedef enum
{
  CR_PAGE_BLOCK_NONE           = 0,
  CR_PAGE_BLOCK_KEEP_WITH_NEXT = 1 << 0,  /* never last on a page */
  CR_PAGE_BLOCK_BAR            = 1 << 1,  /* a bar down its left side */
  CR_PAGE_BLOCK_INDENT         = 1 << 2,  /* indented by one step */
} CrPageBlockFlags;

typedef enum
{
  CR_PAGE_TABLE_PLAIN         = 0,
  CR_PAGE_TABLE_HEADER        = 1 << 0,  /* a bold header row, repeated */
  CR_PAGE_TABLE_RULES         = 1 << 1,  /* a line under every row */
  CR_PAGE_TABLE_STRIPES       = 1 << 2,  /* every other row shaded */
  CR_PAGE_TABLE_KEEP_TOGETHER = 1 << 3,  /* on one page, if it fits */
} CrPageTableFlags;

/* One column of a table: its heading and its share of the text width
 * (the shares of a table's columns add up to 1). */
typedef struct
{
  const char *title;
  double      share;
} CrPageColumn;

typedef struct _CrPageDoc   CrPageDoc;
typedef struct _CrPageTable CrPageTable;

GQuark        cr_print_error_quark       (void);

CrPageDoc    *cr_page_doc_new            (const char         *header_left,
                                          const char         *header_right);
void          cr_page_doc_free           (CrPageDoc          *doc);

void          cr_page_doc_add_text       (CrPageDoc          *doc,
                                          CrPageStyle         style,
                                          CrPageBlockFlags    flags,
                                          const char         *text);
void          cr_page_doc_add_markup     (CrPageDoc          *doc,
                                          CrPageStyle         style,
                                          CrPageBlockFlags    flags,
                                          const char         *markup);
void          cr_page_doc_add_space      (CrPageDoc          *doc,
                                          double              points);
void          cr_page_doc_add_rule       (CrPageDoc          *doc);
void          cr_page_doc_add_signature  (CrPageDoc          *doc,
                                          const char         *first_label,
                                          double              first_width,
                                          const char         *second_label,
                                          double              second_width);

CrPageTable  *cr_page_doc_add_table      (CrPageDoc          *doc,
                                          const CrPageColumn *columns,
                                          guint               n_columns,
                                          CrPageTableFlags    flags,
                                          double              min_row_height,
                                          const char         *continued);
void          cr_page_table_add_row      (CrPageTable        *table,
                                          const char * const *markup);

int           cr_page_doc_get_n_pages    (CrPageDoc          *doc);
void          cr_page_doc_draw_page      (CrPageDoc          *doc,
                                          cairo_t            *cr,
                                          int                 page,
                                          double              width,
                                          double              height);
gboolean      cr_page_doc_write_pdf      (CrPageDoc          *doc,
                                          const char         *path,
                                          const char         *title,
                                          GError            **error);

char         *cr_page_escape             (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrPageDoc, cr_page_doc_free)

G_END_DECLS
