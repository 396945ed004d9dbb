/* filters.duplicates: the sentences of a block, as keys. */
#include "speedups.h"

/* The regex module's \s: Unicode White_Space (str.isspace also takes \x1c-\x1f). */
static int
is_white_space(Py_UCS4 c)
{
    return (c >= 0x09 && c <= 0x0D) || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x1680
           || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
           || c == 0x205F || c == 0x3000;
}

/* The end of a sentence boundary starting at `i` (duplicates._SENTENCE_BOUNDARY: sentence
 * punctuation, closing quotes or brackets, white space), or -1 when none starts there, with
 * `*next` where to look next: no boundary starts inside the punctuation and quotes after i
 * either, since each would end at the same place. */
static Py_ssize_t
boundary_end(int kind, const void *data, Py_ssize_t length, Py_ssize_t i, Py_ssize_t *next)
{
    Py_ssize_t j = i;
    while (j < length && is_sentence_punct(PyUnicode_READ(kind, data, j))) {
        j++;
    }
    if (j == i) {
        *next = i + 1;
        return -1;
    }
    while (j < length && is_closer(PyUnicode_READ(kind, data, j))) {
        j++;
    }
    if (j == length || !is_white_space(PyUnicode_READ(kind, data, j))) {
        *next = j;
        return -1;
    }
    while (j < length && is_white_space(PyUnicode_READ(kind, data, j))) {
        j++;
    }
    return j;
}

/* Whether `c` is one of the characters of `edge`. */
static int
is_edge(Py_UCS4 c, int edge_kind, const void *edge_data, Py_ssize_t edge_length)
{
    for (Py_ssize_t k = 0; k < edge_length; k++) {
        if (PyUnicode_READ(edge_kind, edge_data, k) == c) {
            return 1;
        }
    }
    return 0;
}

/* Append lowered[start:end] stripped of edge characters to `keys`, unless nothing is left. */
static int
add_key(PyObject *keys, PyObject *lowered, Py_ssize_t start, Py_ssize_t end, PyObject *edge)
{
    int kind = PyUnicode_KIND(lowered), edge_kind = PyUnicode_KIND(edge);
    const void *data = PyUnicode_DATA(lowered), *edge_data = PyUnicode_DATA(edge);
    Py_ssize_t edge_length = PyUnicode_GET_LENGTH(edge);
    PyObject *key;
    int status;
    while (start < end && is_edge(PyUnicode_READ(kind, data, start), edge_kind, edge_data,
                                  edge_length)) {
        start++;
    }
    while (end > start && is_edge(PyUnicode_READ(kind, data, end - 1), edge_kind, edge_data,
                                  edge_length)) {
        end--;
    }
    if (start == end) {
        return 0;
    }
    key = PyUnicode_Substring(lowered, start, end);
    if (key == NULL) {
        return -1;
    }
    status = PyList_Append(keys, key);
    Py_DECREF(key);
    return status;
}

PyDoc_STRVAR(sentence_keys_doc,
             "sentence_keys(edge, text, /)\n--\n\n"
             "filters.duplicates.python_sentence_keys(text) with `edge` its\n"
             "_EDGE_PUNCTUATION.");

static PyObject *
sentence_keys(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *lowered, *keys;
    int kind;
    const void *data;
    Py_ssize_t length, start = 0, i = 0;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "sentence_keys() takes (str, str)");
        return NULL;
    }
    lowered = speedups_lower(module, args[1]);
    if (lowered == NULL) {
        return NULL;
    }
    keys = PyList_New(0);
    if (keys == NULL) {
        Py_DECREF(lowered);
        return NULL;
    }
    kind = PyUnicode_KIND(lowered);
    data = PyUnicode_DATA(lowered);
    length = PyUnicode_GET_LENGTH(lowered);
    while (i < length) {
        Py_ssize_t next = i + 1, end = boundary_end(kind, data, length, i, &next);
        if (end < 0) {
            i = next;
            continue;
        }
        if (add_key(keys, lowered, start, i, args[0]) < 0) {
            goto error;
        }
        start = i = end;
    }
    if (add_key(keys, lowered, start, length, args[0]) < 0) {
        goto error;
    }
    Py_DECREF(lowered);
    return keys;
error:
    Py_DECREF(lowered);
    Py_DECREF(keys);
    return NULL;
}

PyMethodDef speedups_sentences_methods[] = {
    {"sentence_keys", (PyCFunction)(void (*)(void))sentence_keys, METH_FASTCALL, sentence_keys_doc},
    {NULL, NULL, 0, NULL},
};
