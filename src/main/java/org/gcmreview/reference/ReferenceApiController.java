package org.gcmreview.reference;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public, read-only JSON of the GCM objectives. The data only changes with a deployment, so shared caches
 * may keep it for an hour.
 */
@RestController
@RequestMapping("/api/reference")
class ReferenceApiController {

    private static final CacheControl PUBLIC_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final ReferenceData referenceData;

    ReferenceApiController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @GetMapping("/objectives")
    ResponseEntity<List<Objective>> objectives() {
        return ResponseEntity.ok().cacheControl(PUBLIC_HOUR).body(referenceData.objectives());
    }

    @GetMapping("/objectives/{number}")
    ResponseEntity<Objective> objective(@PathVariable int number) {
        Objective objective = referenceData.objective(number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No GCM objective " + number));
        return ResponseEntity.ok().cacheControl(PUBLIC_HOUR).body(objective);
    }
}
