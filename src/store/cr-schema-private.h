/* cr-schema-private.h: helpers for writing schema steps
 *
 * Each record book's schema steps live beside its store code
 * (cr-schema-*.c), so that the step list in cr-migrations.c names them in
 * order and nothing else. Never edit a step that has shipped: add a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define ISO_DATE(col) "(date(" col ") IS " col ")"
#define ISO_DATE_OR_NULL(col) "(" col " IS NULL OR date(" col ") IS " col ")"
/* "HH:MM" on the 24-hour clock, or NULL. */
#define HH_MM_OR_NULL(col) \
  "(" col " IS NULL OR (length(" col ") = 5 AND time(" col ") IS " col " || ':00'))"
#define BOOLEAN(col) "(" col " = 0 OR " col " = 1)"

/* "col IN (a, b, c)" written out as ORs: in a CHECK, SQLite builds a
 * temporary table for an IN list every time a row is written, which made
 * each insert of an import several times slower. A NULL passes, as it does
 * an IN. */
#define ONE_OF3(c, a, b, d) \
  c " = " a " OR " c " = " b " OR " c " = " d
#define ONE_OF4(c, a, b, d, e) \
  ONE_OF3 (c, a, b, d) " OR " c " = " e
#define ONE_OF5(c, a, b, d, e, f) \
  ONE_OF3 (c, a, b, d) " OR " c " = " e " OR " c " = " f
#define ONE_OF6(c, a, b, d, e, f, g) \
  ONE_OF5 (c, a, b, d, e, f) " OR " c " = " g
#define ONE_OF7(c, a, b, d, e, f, g, h) \
  ONE_OF6 (c, a, b, d, e, f, g) " OR " c " = " h

/* Steps defined in cr-schema-*.c, in the order they run. */
extern const char _cr_schema_v6_money[];
extern const char _cr_schema_v7_training[];
extern const char _cr_schema_v8_privacy[];
extern const char _cr_schema_v9_workplan[];
