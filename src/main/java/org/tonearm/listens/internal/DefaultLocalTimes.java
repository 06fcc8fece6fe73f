package org.tonearm.listens.internal;

import java.time.ZoneId;
import org.springframework.stereotype.Service;
import org.tonearm.identity.UserDirectory;
import org.tonearm.listens.LocalTimes;
import org.tonearm.listens.internal.persistence.RelocationRepository;

@Service
class DefaultLocalTimes implements LocalTimes {

    private final RelocationRepository relocations;
    private final UserDirectory users;

    DefaultLocalTimes(RelocationRepository relocations, UserDirectory users) {
        this.relocations = relocations;
        this.users = users;
    }

    @Override
    public ZoneId storedZone(long userId) {
        return relocations.find(userId).map(RelocationRepository.Relocation::stored)
                .orElseGet(() -> users.timezone(userId));
    }

    @Override
    public boolean relocating(long userId) {
        return relocations.find(userId).isPresent();
    }
}
