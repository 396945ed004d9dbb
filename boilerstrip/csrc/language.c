/* lexicon.language: the evidence of the language guess. */
#include "speedups.h"

PyDoc_STRVAR(reaches_doc,
             "reaches(words, code_point, /)\n--\n\n"
             "lexicon.language.python_reaches: whether a character of the words is at or\n"
             "above `code_point`.");

static PyObject *
reaches(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *words;
    long limit;
    int found = 0;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "reaches() takes (sequence of str, int)");
        return NULL;
    }
    {
        /* Beyond the code points every word is below (too large) or none is (too small). */
        int overflow;
        limit = PyLong_AsLongAndOverflow(args[1], &overflow);
        if (limit == -1 && PyErr_Occurred()) {
            return NULL;
        }
        limit = overflow > 0 ? 0x110000 : overflow < 0 ? 0 : limit;
    }
    words = PySequence_Fast(args[0], "reaches() takes a sequence of str");
    if (words == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; !found && i < PySequence_Fast_GET_SIZE(words); i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(words, i);
        int kind;
        const void *data;
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "reaches() takes a sequence of str");
            Py_DECREF(words);
            return NULL;
        }
        /* The storage bounds every character: most words are settled without a look. */
        if ((long)PyUnicode_MAX_CHAR_VALUE(word) < limit) {
            continue;
        }
        kind = PyUnicode_KIND(word);
        data = PyUnicode_DATA(word);
        for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(word); k++) {
            if ((long)PyUnicode_READ(kind, data, k) >= limit) {
                found = 1;
                break;
            }
        }
    }
    Py_DECREF(words);
    return PyBool_FromLong(found);
}

PyDoc_STRVAR(stopword_hits_doc,
             "stopword_hits(sample, owners, /)\n--\n\n"
             "lexicon.language.python_stopword_hits: per language, how many words of the\n"
             "sample its stopword list has (`owners` maps a stopword to its languages).");

static PyObject *
stopword_hits(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sample, *hits;
    if (nargs != 2 || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "stopword_hits() takes (sequence, dict)");
        return NULL;
    }
    /* A tuple of its own, and each owner tuple held while it is read: the look-ups may run
     * Python code (a str subclass's __hash__) that changes what the caller passed. */
    sample = PySequence_Tuple(args[0]);
    if (sample == NULL) {
        return NULL;
    }
    hits = PyDict_New();
    for (Py_ssize_t i = 0; hits != NULL && i < PyTuple_GET_SIZE(sample); i++) {
        PyObject *languages = PyDict_GetItemWithError(args[1], PyTuple_GET_ITEM(sample, i));
        if (languages == NULL) {
            if (PyErr_Occurred()) {
                Py_CLEAR(hits);
            }
            continue;
        }
        if (!PyTuple_Check(languages)) {
            PyErr_SetString(PyExc_TypeError, "owners must map stopwords to tuples");
            Py_CLEAR(hits);
            break;
        }
        Py_INCREF(languages);
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(languages); k++) {
            PyObject *language = PyTuple_GET_ITEM(languages, k);
            PyObject *count = PyDict_GetItemWithError(hits, language), *next;
            long value = count == NULL ? 0 : PyLong_AsLong(count);
            if ((count == NULL && PyErr_Occurred()) || (value == -1 && PyErr_Occurred())) {
                Py_CLEAR(hits);
                break;
            }
            next = PyLong_FromLong(value + 1);
            if (next == NULL || PyDict_SetItem(hits, language, next) < 0) {
                Py_XDECREF(next);
                Py_CLEAR(hits);
                break;
            }
            Py_DECREF(next);
        }
        Py_DECREF(languages);
    }
    Py_DECREF(sample);
    return hits;
}

PyMethodDef speedups_language_methods[] = {
    {"reaches", (PyCFunction)(void (*)(void))reaches, METH_FASTCALL, reaches_doc},
    {"stopword_hits", (PyCFunction)(void (*)(void))stopword_hits, METH_FASTCALL, stopword_hits_doc},
    {NULL, NULL, 0, NULL},
};
