/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A REDCap data dictionary read as a codebook: the labels of a project's fields and the codes a
 * raw export holds for their choices. */
#include "config.h"

#include "fe-redcap-dictionary.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "fe-codebook.h"
#include "fe-scale-order.h"

/* The dictionary downloaded from Project Setup, and the same fields as the API writes them
 * (PyCap, REDCapR). */
static const char * const name_headers[] = { "Variable / Field Name", "field_name", NULL };
static const char * const type_headers[] = { "Field Type", "field_type", NULL };
static const char * const label_headers[] = { "Field Label", "field_label", NULL };
static const char * const choices_headers[] = { "Choices, Calculations, OR Slider Labels",
                                                "select_choices_or_calculations", NULL };
static const char * const validation_headers[] = { "Text Validation Type OR Show Slider Number",
                                                   "text_validation_type_or_show_slider_number",
                                                   NULL };
static const char * const identifier_headers[] = { "Identifier?", "identifier", NULL };

gboolean
fe_redcap_dictionary_recognise (const FeCsvTable *table)
{
  return fe_csv_table_find_any_column (table, name_headers) >= 0
         && fe_csv_table_find_any_column (table, type_headers) >= 0
         && fe_csv_table_find_any_column (table, label_headers) >= 0;
}

/* Elements that end a word where they begin and end. */
static gboolean
breaks_words (const xmlChar *name)
{
  static const char * const blocks[] = { "p", "div", "br", "li", "ul", "ol", "tr", "td", "th",
                                         "table", "h1", "h2", "h3", "h4", "h5", "h6",
                                         "blockquote", "hr", NULL };

  for (guint i = 0; blocks[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_text (GString    *text,
             xmlNodePtr  node,
             gboolean    spaced)
{
  for (; node != NULL; node = node->next)
    {
      gboolean block = node->type == XML_ELEMENT_NODE && spaced && breaks_words (node->name);

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) node->content);
      if (node->type != XML_ELEMENT_NODE
          || g_ascii_strcasecmp ((const char *) node->name, "script") == 0
          || g_ascii_strcasecmp ((const char *) node->name, "style") == 0)
        continue;
      if (block)
        g_string_append_c (text, ' ');
      append_text (text, node->children, spaced);
      if (block)
        g_string_append_c (text, ' ');
    }
}

/* @text as a header holds it, a line break a space; with @spaced, the spaces between words one,
 * for showing. Takes @text. */
static char *
finish_text (GString  *text,
             gboolean  spaced)
{
  g_string_replace (text, "\r\n", " ", 0);
  g_strdelimit (text->str, "\r\n\t", ' ');
  if (spaced)
    {
      gsize out = 0;

      for (gsize in = 0; in < text->len; in++)
        if (text->str[in] != ' ' || (out > 0 && text->str[out - 1] != ' '))
          text->str[out++] = text->str[in];
      g_string_truncate (text, out);
    }
  return g_strstrip (g_string_free (text, FALSE));
}

/* REDCap's rich-text label as the text it shows, read once by libxml2's HTML parser (every
 * entity: &rsquo;, &eacute;, &ge;…; a "<" that opens no tag, "<1 year", stays): *@shown, where
 * a paragraph, a line break or a division ends a word, for showing; and *@header, as REDCap
 * writes an export's headers, tags dropped without a space ("Age<sup>1</sup>": "Age1"). */
static void
read_label (const char  *html,
            char       **shown,
            char       **header)
{
  GString *spaced = g_string_new (NULL);
  GString *plain = g_string_new (NULL);

  if (strpbrk (html, "<&") == NULL)
    {
      g_string_append (spaced, html);
      g_string_append (plain, html);
    }
  else
    {
      /* Inside a body a fragment's leading "<" is text, not a broken tag to drop. */
      g_autofree char *page = g_strconcat ("<body>", html, "</body>", NULL);
      xmlDocPtr doc = htmlReadMemory (page, (int) strlen (page), NULL, "UTF-8",
                                      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                      | HTML_PARSE_NONET);

      if (doc != NULL)
        {
          append_text (spaced, xmlDocGetRootElement (doc), TRUE);
          append_text (plain, xmlDocGetRootElement (doc), FALSE);
        }
      xmlFreeDoc (doc);
    }
  *shown = finish_text (spaced, TRUE);
  *header = finish_text (plain, FALSE);
}

/* "Don't know" as REDCap names its checkbox column in a labels export, the quotes left out:
 * "Symptoms (choice=Dont know)". */
static char *
without_quotes (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    if (*p != '\'' && *p != '"')
      g_string_append_c (text, *p);
  return g_strstrip (g_string_free (text, FALSE));
}

/* A code as REDCap names a checkbox's column in a raw export: lower case, a dot written as an
 * underscore ("fruit___a", "dose___0_5"); its minus is read back as one already. */
static char *
checkbox_column_code (const char *code)
{
  char *name = g_ascii_strdown (code, -1);

  g_strdelimit (name, ".", '_');
  return name;
}

static void
add_alias (FeCodebookEntry *entry,
           char            *alias,
           const char      *code,
           const char      *level)
{
  if (*alias == '\0' || strcmp (alias, level) == 0 || strcmp (alias, code) == 0)
    {
      g_free (alias);
      return;
    }
  if (entry->aliases == NULL)
    entry->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_contains (entry->aliases, alias))
    g_free (alias);
  else
    g_hash_table_insert (entry->aliases, alias, g_strdup (level));
}

/* "1, Fever | 2, Cough": each choice's code before its first comma, its label after. Two
 * codes may share a label ("1, Yes | 2, No | 3, Yes"): both count as it. */
static void
read_choices (FeCodebookEntry *entry,
              const char      *text,
              gboolean         checkbox)
{
  g_autoptr(GPtrArray) choices = fe_codebook_split_levels (text);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  entry->codes = g_ptr_array_new_with_free_func (g_free);
  entry->levels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < choices->len; i++)
    {
      const char *choice = g_ptr_array_index (choices, i);
      char *comma = strchr (choice, ',');
      g_autofree char *code = g_strstrip (comma ? g_strndup (choice, (gsize) (comma - choice))
                                                : g_strdup (choice));
      const char *written = comma ? comma + 1 : choice;
      g_autofree char *label = NULL;
      g_autofree char *header = NULL;

      read_label (written, &label, &header);

      if (*code == '\0' || *label == '\0' || g_hash_table_contains (seen, code))
        continue;
      add_alias (entry, g_strdup (header), code, label);
      if (checkbox)
        {
          add_alias (entry, without_quotes (written), code, label);
          add_alias (entry, without_quotes (header), code, label);
          add_alias (entry, checkbox_column_code (code), code, label);
        }
      g_ptr_array_add (entry->levels, g_steal_pointer (&label));
      g_ptr_array_add (entry->codes, g_steal_pointer (&code));
      g_hash_table_add (seen, g_ptr_array_index (entry->codes, entry->codes->len - 1));
    }
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
  /* A labels export names a second column of the same question "Comments (2)", as loading
   * names any repeated header. */
  g_autoptr(GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean first = TRUE;

  for (guint row = 0; row < fe_csv_table_get_n_rows (table); row++)
    {
      const char *name = fe_csv_table_get_cell (table, row, (guint) name_col);
      const char *type = fe_csv_table_get_cell (table, row, (guint) type_col);
      const char *written = fe_csv_table_get_cell (table, row, (guint) label_col);
      const char *validation = validation_col >= 0
                               ? fe_csv_table_get_cell (table, row, (guint) validation_col) : "";
      gboolean identifier = identifier_col >= 0
                            && g_ascii_strncasecmp (fe_csv_table_get_cell (table, row,
                                                                           (guint) identifier_col),
                                                    "y", 1) == 0;
      gboolean record_id = first;
      g_autofree char *header = NULL;
      guint seen;
      FeCodebookEntry *entry;

      if (*name == '\0' || g_ascii_strcasecmp (type, "descriptive") == 0)
        continue;
      first = FALSE;
      entry = fe_codebook_entry_new (name, FE_ROLE_IGNORE, NULL);
      read_label (written, &entry->label, &header);
      if (*entry->label == '\0')
        g_clear_pointer (&entry->label, g_free);
      seen = GPOINTER_TO_UINT (g_hash_table_lookup (headers, header)) + 1;
      g_hash_table_replace (headers, g_strdup (header), GUINT_TO_POINTER (seen));
      if (*header != '\0')
        entry->also_named = seen > 1 ? g_strdup_printf ("%s (%u)", header, seen)
                                     : g_steal_pointer (&header);
      entry->line = fe_csv_table_get_line (table, row);
      g_ptr_array_add (entries, entry);

      if (identifier)
        {
          entry->identifying = TRUE;
          continue;
        }
      /* The project's first field is its record id, whatever its name. */
      if (record_id)
        entry->role = FE_ROLE_ID;
      else if (g_ascii_strcasecmp (type, "radio") == 0
               || g_ascii_strcasecmp (type, "dropdown") == 0
               || g_ascii_strcasecmp (type, "checkbox") == 0)
        {
          gboolean checkbox = g_ascii_strcasecmp (type, "checkbox") == 0;

          read_choices (entry, choices_col >= 0
                                 ? fe_csv_table_get_cell (table, row, (guint) choices_col) : "",
                        checkbox);
          FeOrderKind kind = FE_ORDER_NONE;

          entry->role = checkbox ? FE_ROLE_MULTI : fe_scale_order_role (entry->levels, &kind);
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
      /* Validated as a number, or as older projects say, int and float. */
      else if (g_ascii_strcasecmp (type, "calc") == 0 || g_ascii_strcasecmp (type, "slider") == 0
               || (g_ascii_strcasecmp (type, "text") == 0
                   && (g_str_has_prefix (validation, "integer")
                       || g_str_has_prefix (validation, "number")
                       || strcmp (validation, "int") == 0 || strcmp (validation, "float") == 0)))
        entry->role = FE_ROLE_NUMERIC;
      /* An uploaded file's name is no answer to count. */
      else if (g_ascii_strcasecmp (type, "file") == 0)
        entry->role = FE_ROLE_IGNORE;
      else
        entry->infer_role = TRUE;
    }
  return entries;
}
