/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A REDCap data dictionary read as a codebook: the labels of a project's fields and the codes a
 * raw export holds for their choices. */
#include "config.h"

#include "fe-redcap-dictionary.h"

#include <string.h>

#include "fe-codebook.h"
#include "fe-scale-order.h"

static const char * const name_headers[] = { "Variable / Field Name", NULL };
static const char * const type_headers[] = { "Field Type", NULL };
static const char * const label_headers[] = { "Field Label", NULL };
static const char * const choices_headers[] = { "Choices, Calculations, OR Slider Labels", NULL };
static const char * const validation_headers[] = { "Text Validation Type OR Show Slider Number",
                                                   NULL };
static const char * const identifier_headers[] = { "Identifier?", NULL };

gboolean
fe_redcap_dictionary_recognise (const FeCsvTable *table)
{
  return fe_csv_table_find_any_column (table, name_headers) >= 0
         && fe_csv_table_find_any_column (table, type_headers) >= 0
         && fe_csv_table_find_any_column (table, label_headers) >= 0;
}

/* The character an HTML entity at @p names, or 0; *@length is the entity's. */
static gunichar
read_entity (const char *p,
             gsize      *length)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
    { "&nbsp;", ' ' },
  };
  const char *end;

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_str_has_prefix (p, named[i].name))
      {
        *length = strlen (named[i].name);
        return named[i].c;
      }
  if (p[1] == '#' && (end = strchr (p, ';')) != NULL && end - p <= 10)
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      char *stop = NULL;
      guint64 c = g_ascii_strtoull (p + (hex ? 3 : 2), &stop, hex ? 16 : 10);

      if (stop == end && c > 0 && g_unichar_validate ((gunichar) c))
        {
          *length = (gsize) (end - p) + 1;
          return (gunichar) c;
        }
    }
  return 0;
}

/* REDCap's rich-text labels as the words they show: tags dropped ("<p>", "<b>"), entities
 * read, and the spaces and line breaks between words made one space. A "<" that opens no tag
 * ("< 18") stays. */
static char *
plain_text (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      gsize length;
      gunichar c;

      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!')
          && strchr (p, '>') != NULL)
        {
          p = strchr (p, '>') + 1;
          g_string_append_c (plain, ' ');
          continue;
        }
      if (*p == '&' && (c = read_entity (p, &length)) != 0)
        {
          g_string_append_unichar (plain, c);
          p += length;
          continue;
        }
      g_string_append_c (plain, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
      p++;
    }
  /* One space between words. */
  {
    gsize out = 0;

    for (gsize in = 0; in < plain->len; in++)
      if (plain->str[in] != ' ' || (out > 0 && plain->str[out - 1] != ' '))
        plain->str[out++] = plain->str[in];
    g_string_truncate (plain, out);
  }
  return g_strstrip (g_string_free (plain, FALSE));
}

/* "1, Fever | 2, Cough": each choice's code before its first comma, its label after. */
static void
read_choices (const char *text,
              GPtrArray  *codes,
              GPtrArray  *labels)
{
  g_auto(GStrv) choices = g_strsplit (text, "|", -1);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      char *choice = g_strstrip (choices[i]);
      char *comma = strchr (choice, ',');
      g_autofree char *code = g_strstrip (comma ? g_strndup (choice, (gsize) (comma - choice))
                                                : g_strdup (choice));
      g_autofree char *label = plain_text (comma ? comma + 1 : choice);

      if (*code == '\0' || *label == '\0'
          || g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL)
          || g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
        continue;
      g_ptr_array_add (codes, g_steal_pointer (&code));
      g_ptr_array_add (labels, g_steal_pointer (&label));
    }
}

/* A single choice's role as the words of its choices tell it, as an SPSS file's value labels
 * without a measurement level: a scale is ordinal, yes/no a choice, anything else an
 * attribute, its choices in the questionnaire's order. */
static FeRole
choices_role (GPtrArray *labels)
{
  FeOrderKind kind = FE_ORDER_NONE;
  guint n_scale;
  g_autoptr(GPtrArray) ordered = fe_scale_order (labels, &kind, &n_scale);

  if (kind == FE_ORDER_YES_NO)
    return FE_ROLE_CHOICE;
  if (ordered != NULL && kind != FE_ORDER_NUMBERED_LIST)
    return FE_ROLE_ORDINAL;
  return FE_ROLE_ATTRIBUTE;
}

static void
set_choices (FeCodebookEntry   *entry,
             const char * const *pairs)
{
  entry->codes = g_ptr_array_new_with_free_func (g_free);
  entry->levels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_ptr_array_add (entry->codes, g_strdup (pairs[i]));
      g_ptr_array_add (entry->levels, g_strdup (pairs[i + 1]));
    }
}

GPtrArray *
fe_redcap_dictionary_read (const FeCsvTable *table)
{
  int name_col = fe_csv_table_find_any_column (table, name_headers);
  int type_col = fe_csv_table_find_any_column (table, type_headers);
  int label_col = fe_csv_table_find_any_column (table, label_headers);
  int choices_col = fe_csv_table_find_any_column (table, choices_headers);
  int validation_col = fe_csv_table_find_any_column (table, validation_headers);
  int identifier_col = fe_csv_table_find_any_column (table, identifier_headers);
  GPtrArray *entries = fe_codebook_entries_new ();
  gboolean first = TRUE;

  for (guint row = 0; row < fe_csv_table_get_n_rows (table); row++)
    {
      const char *name = fe_csv_table_get_cell (table, row, (guint) name_col);
      const char *type = fe_csv_table_get_cell (table, row, (guint) type_col);
      const char *validation = validation_col >= 0
                               ? fe_csv_table_get_cell (table, row, (guint) validation_col) : "";
      gboolean identifier = identifier_col >= 0
                            && g_ascii_strncasecmp (fe_csv_table_get_cell (table, row,
                                                                           (guint) identifier_col),
                                                    "y", 1) == 0;
      gboolean record_id = first;
      FeCodebookEntry *entry;

      if (*name == '\0' || g_ascii_strcasecmp (type, "descriptive") == 0)
        continue;
      first = FALSE;
      entry = fe_codebook_entry_new (name, FE_ROLE_IGNORE, NULL);
      entry->label = plain_text (fe_csv_table_get_cell (table, row, (guint) label_col));
      if (*entry->label == '\0')
        g_clear_pointer (&entry->label, g_free);
      entry->also_named = g_strdup (entry->label);
      entry->line = fe_csv_table_get_line (table, row);
      g_ptr_array_add (entries, entry);

      if (identifier)
        {
          entry->identifying = TRUE;
          continue;
        }
      /* The project's first field is its record id, which the export's layout tells. */
      if (record_id)
        entry->infer_role = TRUE;
      else if (g_ascii_strcasecmp (type, "radio") == 0
               || g_ascii_strcasecmp (type, "dropdown") == 0
               || g_ascii_strcasecmp (type, "checkbox") == 0)
        {
          entry->codes = g_ptr_array_new_with_free_func (g_free);
          entry->levels = g_ptr_array_new_with_free_func (g_free);
          if (choices_col >= 0)
            read_choices (fe_csv_table_get_cell (table, row, (guint) choices_col), entry->codes,
                          entry->levels);
          entry->role = g_ascii_strcasecmp (type, "checkbox") == 0 ? FE_ROLE_MULTI
                                                                    : choices_role (entry->levels);
        }
      else if (g_ascii_strcasecmp (type, "yesno") == 0)
        {
          static const char * const yes_no[] = { "1", "Yes", "0", "No", NULL };

          entry->role = FE_ROLE_CHOICE;
          set_choices (entry, yes_no);
        }
      else if (g_ascii_strcasecmp (type, "truefalse") == 0)
        {
          static const char * const true_false[] = { "1", "True", "0", "False", NULL };

          entry->role = FE_ROLE_CHOICE;
          set_choices (entry, true_false);
        }
      else if (g_ascii_strcasecmp (type, "notes") == 0)
        entry->role = FE_ROLE_TEXT;
      else if (g_ascii_strcasecmp (type, "calc") == 0 || g_ascii_strcasecmp (type, "slider") == 0
               || (g_ascii_strcasecmp (type, "text") == 0
                   && (g_str_has_prefix (validation, "integer")
                       || g_str_has_prefix (validation, "number"))))
        entry->role = FE_ROLE_NUMERIC;
      /* An uploaded file's name is no answer to count. */
      else if (g_ascii_strcasecmp (type, "file") == 0)
        entry->role = FE_ROLE_IGNORE;
      else
        entry->infer_role = TRUE;
    }
  return entries;
}
