"""Helpers shared by the page and API routes: read uploads within limits, batch downloads."""

from __future__ import annotations

from fastapi import UploadFile
from fastapi.responses import Response

from resume_checker.errors import LimitExceededError, UnreadableDocumentError
from resume_checker.render import batch_csv, batch_html, batch_json
from resume_checker.web.service import BatchJob
from resume_checker.web.uploads import (
    Upload,
    UploadLimits,
    check_file_size,
    display_name,
    is_zip,
    unique_names,
    unpack_zip,
)

BATCH_FORMATS = {
    "csv": ("text/csv; charset=utf-8", batch_csv.render),
    "html": ("text/html; charset=utf-8", batch_html.render),
    "json": ("application/json", batch_json.render),
}


async def read_upload(file: UploadFile, limits: UploadLimits, *, zip_ok: bool = False) -> Upload:
    """The upload's bytes (at most the file limit, else 413) under a cleaned label."""
    name = display_name(file.filename)
    data = await file.read(limits.max_file_bytes + 1)
    await file.close()
    if len(data) > limits.max_file_bytes and not (zip_ok and name.lower().endswith(".zip")):
        check_file_size(name, len(data), limits)
    if not data:
        raise UnreadableDocumentError("empty file (0 bytes)", source=name)
    return Upload(name, data)


async def read_batch_uploads(files: list[UploadFile], limits: UploadLimits) -> list[Upload]:
    """Every uploaded file, ZIPs unpacked in memory; count and total size limited."""
    uploads: list[Upload] = []
    for file in files:
        if not file.filename and not file.size:
            continue  # an empty file input
        name = display_name(file.filename)
        if name.lower().endswith(".zip"):
            data = await file.read(limits.max_batch_bytes + 1)
            await file.close()
            if len(data) > limits.max_batch_bytes:
                raise LimitExceededError("the ZIP is over the batch size limit", source=name)
            zipped = is_zip(name, data)
            uploads += unpack_zip(name, data, limits) if zipped else [Upload(name, data)]
        else:
            uploads.append(await read_upload(file, limits))
        if len(uploads) > limits.max_batch_files:
            raise LimitExceededError(
                f"a batch takes at most {limits.max_batch_files} files", source="batch"
            )
    if not uploads:
        raise UnreadableDocumentError("no files were uploaded", source="batch")
    if sum(len(u.data) for u in uploads) > limits.max_batch_bytes:
        raise LimitExceededError("the files together are over the batch size limit",
                                 source="batch")
    return unique_names(uploads)


def batch_download(job: BatchJob, fmt: str) -> Response:
    if fmt not in BATCH_FORMATS or job.result is None:
        return Response("Unknown format; use csv, html or json.", status_code=404,
                        media_type="text/plain")
    media, writer = BATCH_FORMATS[fmt]
    headers = {"content-disposition": f'attachment; filename="batch-{job.result.run_id}.{fmt}"'}
    return Response(writer(job.result), media_type=media, headers=headers)
