/* The one loop of the PDF parser that Python cannot run fast: one PDFium call per character.
 *
 * PDFium has no call that returns every character box of a text page, and calling
 * FPDFText_GetLooseCharBox through ctypes costs ~0.45 us a char, almost all of it ctypes'
 * argument and result handling (on a resume that draws each char as its own object, thousands
 * of calls a page).  This module makes the same calls from C, to the same function pointer
 * pypdfium2 loaded, so the boxes are the very ones the ctypes loop gets.  It is optional: when
 * it was not built (no C compiler at install), resume_checker.documents.pdf_boxes runs the
 * ctypes loop instead.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* FPDF_BOOL FPDFText_GetLooseCharBox(FPDF_TEXTPAGE text_page, int index, FS_RECTF* rect) */
typedef int (*loose_box_fn)(void *, int, float *);

PyDoc_STRVAR(fill_boxes_doc,
"fill_boxes(function, textpage, indices, boxes) -> int\n\n"
"Call the PDFium function at address ``function`` (FPDFText_GetLooseCharBox) for the text page\n"
"at address ``textpage`` once per char index in ``indices`` (a buffer of native int32), writing\n"
"char i's box to floats 4*i..4*i+3 of ``boxes`` (a writable buffer of float32, 4 per char of\n"
"the page).  Indices outside the buffer are skipped; a failed call leaves its box as it was.\n"
"Returns the number of calls that succeeded.");

static PyObject *
fill_boxes(PyObject *self, PyObject *args)
{
    unsigned long long function, textpage;
    Py_buffer indices, boxes;
    if (!PyArg_ParseTuple(args, "KKy*w*:fill_boxes", &function, &textpage, &indices, &boxes)) {
        return NULL;
    }
    if (function == 0 || indices.len % sizeof(int32_t) || boxes.len % (4 * sizeof(float))) {
        PyBuffer_Release(&indices);
        PyBuffer_Release(&boxes);
        PyErr_SetString(PyExc_ValueError,
                        "fill_boxes needs a function, int32 indices and 4 float32s per char");
        return NULL;
    }
    loose_box_fn call = (loose_box_fn)(uintptr_t)function;
    void *page = (void *)(uintptr_t)textpage;
    const int32_t *wanted = (const int32_t *)indices.buf;
    float *out = (float *)boxes.buf;
    Py_ssize_t count = boxes.len / (Py_ssize_t)(4 * sizeof(float));
    Py_ssize_t n = indices.len / (Py_ssize_t)sizeof(int32_t);
    Py_ssize_t done = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        int32_t i = wanted[k];
        if (i < 0 || i >= count) {
            continue;
        }
        if (call(page, (int)i, out + 4 * (Py_ssize_t)i)) {
            done++;
        }
    }
    PyBuffer_Release(&indices);
    PyBuffer_Release(&boxes);
    return PyLong_FromSsize_t(done);
}

static PyMethodDef methods[] = {
    {"fill_boxes", fill_boxes, METH_VARARGS, fill_boxes_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "_pdfboxes",
    "Character boxes of a PDFium text page, read in one C loop (see pdf_boxes).",
    -1,
    methods,
};

PyMODINIT_FUNC
PyInit__pdfboxes(void)
{
    return PyModule_Create(&module);
}
