package org.poahub.hub.plan;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is refused before any controller runs (the plan
 * upload and every other file upload), so the answer is given here: 413 with a Spanish ProblemDetail naming the
 * limit, not a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeAdvice {

    private final DataSize maxFileSize;

    UploadTooLargeAdvice(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "El archivo pasa del "
                + "tamaño máximo de " + megabytes(maxFileSize) + "; no se guardó nada. Divídalo o quite las hojas "
                + "y filas que no son del plan.");
        problem.setTitle("Archivo demasiado grande");
        problem.setProperty("maxBytes", maxFileSize.toBytes());
        return problem;
    }

    private static String megabytes(DataSize size) {
        return size.toBytes() >= 1024 * 1024 ? size.toMegabytes() + " MB" : size.toBytes() + " bytes";
    }
}
