/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-json.h"

void
fe_json_object_set_count_member (JsonObject *object,
                                 const char *name,
                                 guint       count,
                                 gboolean    shown)
{
  g_return_if_fail (object != NULL);
  g_return_if_fail (name != NULL);

  if (shown)
    json_object_set_int_member (object, name, count);
  else
    json_object_set_null_member (object, name);
}

char *
fe_json_to_data (JsonNode *root,
                 gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_pretty (generator, pretty);
  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, out);
  /* json-glib escapes control characters below U+001F but writes U+001F itself as it is, which
   * RFC 8259 forbids in a string and strict readers (Python's json) refuse. Nothing but a
   * string can hold that byte, so it is escaped wherever it is. */
  g_string_replace (out, "\x1f", "\\u001f", 0);
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
