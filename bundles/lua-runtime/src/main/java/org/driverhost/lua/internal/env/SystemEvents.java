package org.driverhost.lua.internal.env;

import org.luaj.vm2.LuaTable;

/**
 * The {@code C4SystemEvents} global: Director's system event names and their ids, which drivers pass to
 * {@code C4:RegisterSystemEvent}. The ids are those listed in the event handlers of Control4's public driver
 * templates (OnAll is 1, OnZigbeeNetworkHealth 117). DriverHost never fires these events.
 */
public final class SystemEvents {

    /** Event names in id order: the name at index i has id i + 1. */
    private static final String[] NAMES = {
        "OnAll", "OnAlive", "OnProjectChanged", "OnProjectNew", "OnProjectLoaded", "OnPIP", "OnItemAdded",
        "OnItemNameChanged", "OnItemDataChanged", "OnDeviceDataChanged", "OnItemRemoved", "OnItemMoved",
        "OnDriverAdded", "OnDeviceIdentified", "OnBindingAdded", "OnBindingRemoved", "OnNetworkBindingAdded",
        "OnNetworkBindingRemoved", "OnNetworkBindingRegistered", "OnNetworkBindingUnregistered", "OnCodeItemAdded",
        "OnCodeItemRemoved", "OnCodeItemMoved", "OnMediaInfoAdded", "OnMediaInfoModified", "OnMediaRemovedFromDevice",
        "OnMediaDataRemoved", "OnSongAddedToPlaylist", "OnSongRemovedFromPlaylist", "OnPhysicalDeviceAdded",
        "OnPhysicalDeviceRemoved", "OnDataToUI", "OnAccessModeChanged", "OnVariableAdded", "OnUserVariableAdded",
        "OnVariableRemoved", "OnVariableRenamed", "OnVariableChanged", "OnVariableBindingAdded",
        "OnVariableBindingRemoved", "OnVariableBindingRenamed", "OnVariableAddedToBinding",
        "OnVariableRemovedFromBinding", "OnMediaDeviceAdded", "OnMediaDeviceRemoved", "OnProjectLocked",
        "OnProjectLeaveLock", "OnDeviceOnline", "OnDeviceOffline", "OnSearchTypeFound",
        "OnNetworkBindingStatusChanged", "OnZipcodeChanged", "OnLatitudeChanged", "OnLongitudeChanged",
        "OnDeviceAlreadyIdentified", "OnControllerDisabled", "OnDeviceFirmwareChanged", "OnLocaleChanged",
        "OnZigbeeNodesChanged", "OnZigbeeZapsChanged", "OnZigbeeMeshChanged", "OnZigbeeZserverChanged",
        "OnSysmanResponse", "OnTimezoneChanged", "OnMediaSessionAdded", "OnMediaSessionRemoved",
        "OnMediaSessionChanged", "OnMediaDeviceChanged", "OnProjectEnterLock", "OnDeviceIdentifiedNoLicense",
        "OnZigBeeStickPresent", "OnZigBeeStickRemoved", "OnZigbeeNodeUpdateStatus", "OnZigbeeNodeUpdateSucceeded",
        "OnZigbeeNodeUpdateFailed", "OnZigbeeNodeOnline", "OnZigbeeNodeOffline", "OnSDDPDeviceStatus",
        "OnSDDPDeviceDiscover", "OnAccountInfoUpdated", "OnAccountInfoUpdating", "OnBindingEntryAdded",
        "OnBindingEntryRemoved", "OnProjectClear", "OnSystemShutDown", "OnSystemUpdateStarted",
        "OnDevicePreIdentify", "OnDeviceIdentifying", "OnDeviceCancelIdentify", "OnDirectorIPAddressChanged",
        "OnDeviceDiscovered", "OnDeviceUserInitiatedRemove", "OnDriverDisabled", "OnDiscoveredDeviceAdded",
        "OnDiscoveredDeviceRemoved", "OnDiscoveredDeviceChanged", "OnDeviceIPAddressChanged", "OnCIDRRulesChanged",
        "OnBindingEntryRenamed", "OnCodeItemEnabled", "OnCodeItemCommandUpdated", "OnSystemUpdateFinished",
        "OnTimeChanged", "OnMediaSessionDiscreteMuteChanged", "OnMediaSessionMuteStateChanged",
        "OnMediaSessionDiscreteVolumeChanged", "OnMediaSessionVolumeLevelChanged", "OnMediaSessionMediaInfoChanged",
        "OnMediaSessionVolumeSliderStateChanged", "OnScheduledEvent", "OnMediaSessionSliderTargetVolumeReached",
        "OnCodeItemAddedToExpression", "OnProjectPropertyChanged", "OnEventAdded", "OnEventModified",
        "OnEventRemoved", "OnZigbeeNetworkHealth",
    };

    private SystemEvents() {
    }

    /** Returns a new table of every event name and its id. */
    public static LuaTable create() {
        LuaTable events = new LuaTable();
        for (int i = 0; i < NAMES.length; i++) {
            events.set(NAMES[i], i + 1);
        }
        return events;
    }

    static int count() {
        return NAMES.length;
    }
}
