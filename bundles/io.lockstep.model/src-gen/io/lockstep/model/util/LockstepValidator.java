/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.util;

import io.lockstep.model.*;

import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.common.util.ResourceLocator;

import org.eclipse.emf.ecore.EPackage;

import org.eclipse.emf.ecore.util.EObjectValidator;

/**
 * <!-- begin-user-doc -->
 * The <b>Validator</b> for the model.
 * <!-- end-user-doc -->
 * @see io.lockstep.model.LockstepPackage
 * @generated
 */
public class LockstepValidator extends EObjectValidator {
	/**
	 * The cached model package
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final LockstepValidator INSTANCE = new LockstepValidator();

	/**
	 * A constant for the {@link org.eclipse.emf.common.util.Diagnostic#getSource() source} of diagnostic {@link org.eclipse.emf.common.util.Diagnostic#getCode() codes} from this package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.eclipse.emf.common.util.Diagnostic#getSource()
	 * @see org.eclipse.emf.common.util.Diagnostic#getCode()
	 * @generated
	 */
	public static final String DIAGNOSTIC_SOURCE = "io.lockstep.model";

	/**
	 * A constant with a fixed name that can be used as the base value for additional hand written constants.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final int GENERATED_DIAGNOSTIC_CODE_COUNT = 0;

	/**
	 * A constant with a fixed name that can be used as the base value for additional hand written constants in a derived class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected static final int DIAGNOSTIC_CODE_COUNT = GENERATED_DIAGNOSTIC_CODE_COUNT;

	/**
	 * Creates an instance of the switch.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public LockstepValidator() {
		super();
	}

	/**
	 * Returns the package of this validator switch.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EPackage getEPackage() {
	  return LockstepPackage.eINSTANCE;
	}

	/**
	 * Calls <code>validateXXX</code> for the corresponding classifier of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected boolean validate(int classifierID, Object value, DiagnosticChain diagnostics, Map<Object, Object> context) {
		switch (classifierID) {
			case LockstepPackage.NAMED:
				return validateNamed((Named)value, diagnostics, context);
			case LockstepPackage.DATACENTER:
				return validateDatacenter((Datacenter)value, diagnostics, context);
			case LockstepPackage.HOST:
				return validateHost((Host)value, diagnostics, context);
			case LockstepPackage.DATASTORE:
				return validateDatastore((Datastore)value, diagnostics, context);
			case LockstepPackage.VIRTUAL_DISK:
				return validateVirtualDisk((VirtualDisk)value, diagnostics, context);
			case LockstepPackage.VIRTUAL_MACHINE:
				return validateVirtualMachine((VirtualMachine)value, diagnostics, context);
			case LockstepPackage.NIC:
				return validateNic((Nic)value, diagnostics, context);
			case LockstepPackage.SAN_IDENTITY:
				return validateSanIdentity((SanIdentity)value, diagnostics, context);
			case LockstepPackage.FT_PAIR:
				return validateFtPair((FtPair)value, diagnostics, context);
			case LockstepPackage.FT_STATISTICS:
				return validateFtStatistics((FtStatistics)value, diagnostics, context);
			case LockstepPackage.LEASE:
				return validateLease((Lease)value, diagnostics, context);
			case LockstepPackage.REGISTRATION:
				return validateRegistration((Registration)value, diagnostics, context);
			case LockstepPackage.RESERVATION:
				return validateReservation((Reservation)value, diagnostics, context);
			case LockstepPackage.CHECKPOINT:
				return validateCheckpoint((Checkpoint)value, diagnostics, context);
			case LockstepPackage.TASK:
				return validateTask((Task)value, diagnostics, context);
			case LockstepPackage.EVENT:
				return validateEvent((Event)value, diagnostics, context);
			case LockstepPackage.ALARM:
				return validateAlarm((Alarm)value, diagnostics, context);
			case LockstepPackage.CONNECTION_STATE:
				return validateConnectionState((ConnectionState)value, diagnostics, context);
			case LockstepPackage.DISK_FORMAT:
				return validateDiskFormat((DiskFormat)value, diagnostics, context);
			case LockstepPackage.POWER_STATE:
				return validatePowerState((PowerState)value, diagnostics, context);
			case LockstepPackage.FT_MODE:
				return validateFtMode((FtMode)value, diagnostics, context);
			case LockstepPackage.FT_STATE:
				return validateFtState((FtState)value, diagnostics, context);
			case LockstepPackage.LOCK_MODE:
				return validateLockMode((LockMode)value, diagnostics, context);
			case LockstepPackage.RESERVATION_TYPE:
				return validateReservationType((ReservationType)value, diagnostics, context);
			case LockstepPackage.CHECKPOINT_STATE:
				return validateCheckpointState((CheckpointState)value, diagnostics, context);
			case LockstepPackage.TASK_STATE:
				return validateTaskState((TaskState)value, diagnostics, context);
			case LockstepPackage.SEVERITY:
				return validateSeverity((Severity)value, diagnostics, context);
			default:
				return true;
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateNamed(Named named, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(named, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateDatacenter(Datacenter datacenter, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(datacenter, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validateDatacenter_uniqueNames(datacenter, diagnostics, context);
		if (result || diagnostics != null) result &= validateDatacenter_uniqueWwpns(datacenter, diagnostics, context);
		return result;
	}

	/**
	 * Validates the uniqueNames constraint of '<em>Datacenter</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateDatacenter_uniqueNames(Datacenter datacenter, DiagnosticChain diagnostics, Map<Object, Object> context) {
		boolean ok = true;
		ok &= unique(datacenter, datacenter.getHosts(), "host", 1, diagnostics, context);
		ok &= unique(datacenter, datacenter.getDatastores(), "datastore", 1, diagnostics, context);
		ok &= unique(datacenter, datacenter.getVms(), "VM", 1, diagnostics, context);
		return ok;
	}

	/**
	 * Validates the uniqueWwpns constraint of '<em>Datacenter</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateDatacenter_uniqueWwpns(Datacenter datacenter, DiagnosticChain diagnostics, Map<Object, Object> context) {
		java.util.Map<String, io.lockstep.model.VirtualMachine> seen = new java.util.HashMap<>();
		boolean ok = true;
		for (io.lockstep.model.VirtualMachine vm : datacenter.getVms()) {
			SanIdentity san = vm.getSanIdentity();
			if (san == null || san.getWwpn() == null || san.getWwpn().isEmpty()) {
				continue;
			}
			String key = san.getWwpn().replace(":", "").toLowerCase();
			io.lockstep.model.VirtualMachine other = seen.putIfAbsent(key, vm);
			if (other != null) {
				ok = false;
				report(diagnostics, context, 2, "VMs '" + other.getName() + "' and '" + vm.getName() + "' have the same WWPN " + san.getWwpn()
					+ ": every VM needs its own SAN identity", datacenter, other, vm);
			}
		}
		return ok;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateHost(Host host, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(host, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(host, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(host, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(host, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(host, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(host, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(host, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(host, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(host, diagnostics, context);
		if (result || diagnostics != null) result &= validateHost_memoryNotOvercommitted(host, diagnostics, context);
		return result;
	}

	/**
	 * Validates the memoryNotOvercommitted constraint of '<em>Host</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateHost_memoryNotOvercommitted(Host host, DiagnosticChain diagnostics, Map<Object, Object> context) {
		long committed = host.getCommittedMemoryMiB();
		if (committed > host.getMemoryMiB()) {
			report(diagnostics, context, 3, "host '" + host.getName() + "' has " + host.getMemoryMiB() + " MiB of memory but the VMs on it need "
				+ committed + " MiB", host);
			return false;
		}
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateDatastore(Datastore datastore, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(datastore, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(datastore, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(datastore, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(datastore, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(datastore, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(datastore, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(datastore, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(datastore, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(datastore, diagnostics, context);
		if (result || diagnostics != null) result &= validateDatastore_uniqueDiskNames(datastore, diagnostics, context);
		return result;
	}

	/**
	 * Validates the uniqueDiskNames constraint of '<em>Datastore</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateDatastore_uniqueDiskNames(Datastore datastore, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return unique(datastore, datastore.getDisks(), "disk", 4, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateVirtualDisk(VirtualDisk virtualDisk, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(virtualDisk, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(virtualDisk, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(virtualDisk, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(virtualDisk, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(virtualDisk, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(virtualDisk, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(virtualDisk, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(virtualDisk, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(virtualDisk, diagnostics, context);
		if (result || diagnostics != null) result &= validateVirtualDisk_parentChainAcyclic(virtualDisk, diagnostics, context);
		return result;
	}

	/**
	 * Validates the parentChainAcyclic constraint of '<em>Virtual Disk</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateVirtualDisk_parentChainAcyclic(VirtualDisk virtualDisk, DiagnosticChain diagnostics, Map<Object, Object> context) {
		VirtualDisk parent = virtualDisk.getParent();
		if (parent == null) {
			return true;
		}
		if (parent.eIsProxy() || org.eclipse.emf.ecore.util.EcoreUtil.getRootContainer(parent) != org.eclipse.emf.ecore.util.EcoreUtil.getRootContainer(virtualDisk)) {
			report(diagnostics, context, 5, "disk '" + virtualDisk.getName() + "' names a parent that does not exist in this datacenter", virtualDisk);
			return false;
		}
		java.util.Set<VirtualDisk> chain = new java.util.HashSet<>();
		chain.add(virtualDisk);
		for (VirtualDisk d = parent; d != null; d = d.getParent()) {
			if (!chain.add(d)) {
				report(diagnostics, context, 6, "disk '" + virtualDisk.getName() + "': its chain of parents loops back at '" + d.getName()
					+ "' (a delta's parents must end at a base disk)", virtualDisk, d);
				return false;
			}
		}
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateVirtualMachine(VirtualMachine virtualMachine, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(virtualMachine, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateNic(Nic nic, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(nic, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateSanIdentity(SanIdentity sanIdentity, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(sanIdentity, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(sanIdentity, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(sanIdentity, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(sanIdentity, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(sanIdentity, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(sanIdentity, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(sanIdentity, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(sanIdentity, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(sanIdentity, diagnostics, context);
		if (result || diagnostics != null) result &= validateSanIdentity_wellFormedWwns(sanIdentity, diagnostics, context);
		return result;
	}

	/**
	 * Validates the wellFormedWwns constraint of '<em>San Identity</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateSanIdentity_wellFormedWwns(SanIdentity sanIdentity, DiagnosticChain diagnostics, Map<Object, Object> context) {
		boolean ok = wwn(sanIdentity, "WWPN", sanIdentity.getWwpn(), diagnostics, context);
		ok &= wwn(sanIdentity, "WWNN", sanIdentity.getWwnn(), diagnostics, context);
		if (ok && sanIdentity.getWwpn() != null && sanIdentity.getWwpn().equalsIgnoreCase(sanIdentity.getWwnn())) {
			report(diagnostics, context, 7, owner(sanIdentity) + ": the WWPN and the WWNN are both " + sanIdentity.getWwpn()
				+ "; a port and its node need distinct names", sanIdentity);
			ok = false;
		}
		return ok;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateFtPair(FtPair ftPair, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!validate_NoCircularContainment(ftPair, diagnostics, context)) return false;
		boolean result = validate_EveryMultiplicityConforms(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryDataValueConforms(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryReferenceIsContained(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryBidirectionalReferenceIsPaired(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryProxyResolves(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validate_UniqueID(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryKeyUnique(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validate_EveryMapEntryUnique(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validateFtPair_differentHosts(ftPair, diagnostics, context);
		if (result || diagnostics != null) result &= validateFtPair_hostsMountDiskDatastores(ftPair, diagnostics, context);
		return result;
	}

	/**
	 * Validates the differentHosts constraint of '<em>Ft Pair</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateFtPair_differentHosts(FtPair ftPair, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (ftPair.getPrimaryHost() != null && ftPair.getPrimaryHost() == ftPair.getBackupHost()) {
			report(diagnostics, context, 8, "FT pair of " + name(ftPair.getPrimary()) + ": the primary and the backup are both on host '"
				+ ftPair.getPrimaryHost().getName() + "'; a backup must run on another host", ftPair, ftPair.getPrimaryHost());
			return false;
		}
		return true;
	}

	/**
	 * Validates the hostsMountDiskDatastores constraint of '<em>Ft Pair</em>'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	public boolean validateFtPair_hostsMountDiskDatastores(FtPair ftPair, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (ftPair.getPrimary() == null) {
			return true;
		}
		boolean ok = true;
		for (VirtualDisk disk : ftPair.getPrimary().getDisks()) {
			Datastore ds = disk.getDatastore();
			if (ds == null) {
				continue;
			}
			for (Host h : java.util.Arrays.asList(ftPair.getPrimaryHost(), ftPair.getBackupHost())) {
				if (h != null && !h.getDatastores().contains(ds)) {
					report(diagnostics, context, 9, "FT pair of " + name(ftPair.getPrimary()) + ": host '" + h.getName() + "' does not mount datastore '"
						+ ds.getName() + "', which holds disk '" + disk.getName() + "'; both hosts of a pair must reach every disk of the VM", ftPair, h, ds);
					ok = false;
				}
			}
		}
		return ok;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateFtStatistics(FtStatistics ftStatistics, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(ftStatistics, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateLease(Lease lease, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(lease, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateRegistration(Registration registration, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(registration, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateReservation(Reservation reservation, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(reservation, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateCheckpoint(Checkpoint checkpoint, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(checkpoint, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateTask(Task task, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(task, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateEvent(Event event, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(event, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateAlarm(Alarm alarm, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return validate_EveryDefaultConstraint(alarm, diagnostics, context);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateConnectionState(ConnectionState connectionState, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateDiskFormat(DiskFormat diskFormat, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validatePowerState(PowerState powerState, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateFtMode(FtMode ftMode, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateFtState(FtState ftState, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateLockMode(LockMode lockMode, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateReservationType(ReservationType reservationType, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateCheckpointState(CheckpointState checkpointState, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateTaskState(TaskState taskState, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public boolean validateSeverity(Severity severity, DiagnosticChain diagnostics, Map<Object, Object> context) {
		return true;
	}

	/**
	 * Returns the resource locator that will be used to fetch messages for this validator's diagnostics.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ResourceLocator getResourceLocator() {
		// TODO
		// Specialize this to return a resource locator for messages specific to this validator.
		// Ensure that you remove @generated or mark it @generated NOT
		return super.getResourceLocator();
	}

	/**
	 * <!-- begin-user-doc -->
	 * Adds an error with our own message (what is wrong and what is expected) and the objects it concerns.
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	protected void report(DiagnosticChain diagnostics, Map<Object, Object> context, int code, String message, Object... data) {
		if (diagnostics != null) {
			diagnostics.add(new org.eclipse.emf.common.util.BasicDiagnostic(Diagnostic.ERROR, DIAGNOSTIC_SOURCE, code, message, data));
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * Reports every name used twice among {@code items}.
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	protected boolean unique(Object scope, java.util.List<? extends io.lockstep.model.Named> items, String what, int code, DiagnosticChain diagnostics,
			Map<Object, Object> context) {
		java.util.Map<String, io.lockstep.model.Named> seen = new java.util.HashMap<>();
		boolean ok = true;
		for (io.lockstep.model.Named n : items) {
			if (n.getName() == null) {
				continue;
			}
			io.lockstep.model.Named other = seen.putIfAbsent(n.getName(), n);
			if (other != null) {
				ok = false;
				report(diagnostics, context, code, "two " + what + "s are named '" + n.getName() + "' in " + name(scope) + ": names must be unique",
					scope, other, n);
			}
		}
		return ok;
	}

	/**
	 * <!-- begin-user-doc -->
	 * A WWN as NAA 5 or 6: 16 hex digits (colons between the bytes allowed), the first 5 or 6.
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	protected boolean wwn(SanIdentity san, String which, String value, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (value == null || value.isEmpty()) {
			return true;
		}
		String hex = value.replace(":", "");
		if (!hex.matches("[56][0-9a-fA-F]{15}") || value.contains(":") && !value.matches("([0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2}")) {
			report(diagnostics, context, 7, owner(san) + ": the " + which + " '" + value + "' is not an NAA 5 or 6 name: expected 16 hex digits "
				+ "(optionally as 8 colon-separated bytes) starting with 5 or 6", san);
			return false;
		}
		return true;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	protected static String owner(SanIdentity san) {
		return san.eContainer() instanceof io.lockstep.model.Named n ? "VM '" + n.getName() + "'" : "a SAN identity";
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	protected static String name(Object o) {
		return o instanceof io.lockstep.model.Named n ? "'" + n.getName() + "'" : String.valueOf(o);
	}


} //LockstepValidator
