/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.FtMode;
import io.lockstep.model.FtPair;
import io.lockstep.model.FtState;
import io.lockstep.model.FtStatistics;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.VirtualMachine;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Ft Pair</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.FtPairImpl#getPrimary <em>Primary</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtPairImpl#getPrimaryHost <em>Primary Host</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtPairImpl#getBackupHost <em>Backup Host</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtPairImpl#getMode <em>Mode</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtPairImpl#getEpochMillis <em>Epoch Millis</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtPairImpl#getTargetLagMillis <em>Target Lag Millis</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtPairImpl#getState <em>State</em>}</li>
 *   <li>{@link io.lockstep.model.impl.FtPairImpl#getStatistics <em>Statistics</em>}</li>
 * </ul>
 *
 * @generated
 */
public class FtPairImpl extends MinimalEObjectImpl.Container implements FtPair {
	/**
	 * The cached value of the '{@link #getPrimary() <em>Primary</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPrimary()
	 * @generated
	 * @ordered
	 */
	protected VirtualMachine primary;

	/**
	 * The cached value of the '{@link #getPrimaryHost() <em>Primary Host</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPrimaryHost()
	 * @generated
	 * @ordered
	 */
	protected Host primaryHost;

	/**
	 * The cached value of the '{@link #getBackupHost() <em>Backup Host</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBackupHost()
	 * @generated
	 * @ordered
	 */
	protected Host backupHost;

	/**
	 * The default value of the '{@link #getMode() <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMode()
	 * @generated
	 * @ordered
	 */
	protected static final FtMode MODE_EDEFAULT = FtMode.CHECKPOINT;

	/**
	 * The cached value of the '{@link #getMode() <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMode()
	 * @generated
	 * @ordered
	 */
	protected FtMode mode = MODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getEpochMillis() <em>Epoch Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEpochMillis()
	 * @generated
	 * @ordered
	 */
	protected static final int EPOCH_MILLIS_EDEFAULT = 25;

	/**
	 * The cached value of the '{@link #getEpochMillis() <em>Epoch Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEpochMillis()
	 * @generated
	 * @ordered
	 */
	protected int epochMillis = EPOCH_MILLIS_EDEFAULT;

	/**
	 * The default value of the '{@link #getTargetLagMillis() <em>Target Lag Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetLagMillis()
	 * @generated
	 * @ordered
	 */
	protected static final int TARGET_LAG_MILLIS_EDEFAULT = 50;

	/**
	 * The cached value of the '{@link #getTargetLagMillis() <em>Target Lag Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetLagMillis()
	 * @generated
	 * @ordered
	 */
	protected int targetLagMillis = TARGET_LAG_MILLIS_EDEFAULT;

	/**
	 * The default value of the '{@link #getState() <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getState()
	 * @generated
	 * @ordered
	 */
	protected static final FtState STATE_EDEFAULT = FtState.NONE;

	/**
	 * The cached value of the '{@link #getState() <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getState()
	 * @generated
	 * @ordered
	 */
	protected FtState state = STATE_EDEFAULT;

	/**
	 * The cached value of the '{@link #getStatistics() <em>Statistics</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatistics()
	 * @generated
	 * @ordered
	 */
	protected FtStatistics statistics;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected FtPairImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.FT_PAIR;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public VirtualMachine getPrimary() {
		if (primary != null && primary.eIsProxy()) {
			InternalEObject oldPrimary = (InternalEObject)primary;
			primary = (VirtualMachine)eResolveProxy(oldPrimary);
			if (primary != oldPrimary) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LockstepPackage.FT_PAIR__PRIMARY, oldPrimary, primary));
			}
		}
		return primary;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public VirtualMachine basicGetPrimary() {
		return primary;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPrimary(VirtualMachine newPrimary) {
		VirtualMachine oldPrimary = primary;
		primary = newPrimary;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__PRIMARY, oldPrimary, primary));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Host getPrimaryHost() {
		if (primaryHost != null && primaryHost.eIsProxy()) {
			InternalEObject oldPrimaryHost = (InternalEObject)primaryHost;
			primaryHost = (Host)eResolveProxy(oldPrimaryHost);
			if (primaryHost != oldPrimaryHost) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LockstepPackage.FT_PAIR__PRIMARY_HOST, oldPrimaryHost, primaryHost));
			}
		}
		return primaryHost;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Host basicGetPrimaryHost() {
		return primaryHost;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPrimaryHost(Host newPrimaryHost) {
		Host oldPrimaryHost = primaryHost;
		primaryHost = newPrimaryHost;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__PRIMARY_HOST, oldPrimaryHost, primaryHost));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Host getBackupHost() {
		if (backupHost != null && backupHost.eIsProxy()) {
			InternalEObject oldBackupHost = (InternalEObject)backupHost;
			backupHost = (Host)eResolveProxy(oldBackupHost);
			if (backupHost != oldBackupHost) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LockstepPackage.FT_PAIR__BACKUP_HOST, oldBackupHost, backupHost));
			}
		}
		return backupHost;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Host basicGetBackupHost() {
		return backupHost;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBackupHost(Host newBackupHost) {
		Host oldBackupHost = backupHost;
		backupHost = newBackupHost;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__BACKUP_HOST, oldBackupHost, backupHost));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public FtMode getMode() {
		return mode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMode(FtMode newMode) {
		FtMode oldMode = mode;
		mode = newMode == null ? MODE_EDEFAULT : newMode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__MODE, oldMode, mode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getEpochMillis() {
		return epochMillis;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setEpochMillis(int newEpochMillis) {
		int oldEpochMillis = epochMillis;
		epochMillis = newEpochMillis;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__EPOCH_MILLIS, oldEpochMillis, epochMillis));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getTargetLagMillis() {
		return targetLagMillis;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTargetLagMillis(int newTargetLagMillis) {
		int oldTargetLagMillis = targetLagMillis;
		targetLagMillis = newTargetLagMillis;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__TARGET_LAG_MILLIS, oldTargetLagMillis, targetLagMillis));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public FtState getState() {
		return state;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setState(FtState newState) {
		FtState oldState = state;
		state = newState == null ? STATE_EDEFAULT : newState;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__STATE, oldState, state));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public FtStatistics getStatistics() {
		return statistics;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetStatistics(FtStatistics newStatistics, NotificationChain msgs) {
		FtStatistics oldStatistics = statistics;
		statistics = newStatistics;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__STATISTICS, oldStatistics, newStatistics);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStatistics(FtStatistics newStatistics) {
		if (newStatistics != statistics) {
			NotificationChain msgs = null;
			if (statistics != null)
				msgs = ((InternalEObject)statistics).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - LockstepPackage.FT_PAIR__STATISTICS, null, msgs);
			if (newStatistics != null)
				msgs = ((InternalEObject)newStatistics).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - LockstepPackage.FT_PAIR__STATISTICS, null, msgs);
			msgs = basicSetStatistics(newStatistics, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.FT_PAIR__STATISTICS, newStatistics, newStatistics));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case LockstepPackage.FT_PAIR__STATISTICS:
				return basicSetStatistics(null, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LockstepPackage.FT_PAIR__PRIMARY:
				if (resolve) return getPrimary();
				return basicGetPrimary();
			case LockstepPackage.FT_PAIR__PRIMARY_HOST:
				if (resolve) return getPrimaryHost();
				return basicGetPrimaryHost();
			case LockstepPackage.FT_PAIR__BACKUP_HOST:
				if (resolve) return getBackupHost();
				return basicGetBackupHost();
			case LockstepPackage.FT_PAIR__MODE:
				return getMode();
			case LockstepPackage.FT_PAIR__EPOCH_MILLIS:
				return getEpochMillis();
			case LockstepPackage.FT_PAIR__TARGET_LAG_MILLIS:
				return getTargetLagMillis();
			case LockstepPackage.FT_PAIR__STATE:
				return getState();
			case LockstepPackage.FT_PAIR__STATISTICS:
				return getStatistics();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case LockstepPackage.FT_PAIR__PRIMARY:
				setPrimary((VirtualMachine)newValue);
				return;
			case LockstepPackage.FT_PAIR__PRIMARY_HOST:
				setPrimaryHost((Host)newValue);
				return;
			case LockstepPackage.FT_PAIR__BACKUP_HOST:
				setBackupHost((Host)newValue);
				return;
			case LockstepPackage.FT_PAIR__MODE:
				setMode((FtMode)newValue);
				return;
			case LockstepPackage.FT_PAIR__EPOCH_MILLIS:
				setEpochMillis((Integer)newValue);
				return;
			case LockstepPackage.FT_PAIR__TARGET_LAG_MILLIS:
				setTargetLagMillis((Integer)newValue);
				return;
			case LockstepPackage.FT_PAIR__STATE:
				setState((FtState)newValue);
				return;
			case LockstepPackage.FT_PAIR__STATISTICS:
				setStatistics((FtStatistics)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case LockstepPackage.FT_PAIR__PRIMARY:
				setPrimary((VirtualMachine)null);
				return;
			case LockstepPackage.FT_PAIR__PRIMARY_HOST:
				setPrimaryHost((Host)null);
				return;
			case LockstepPackage.FT_PAIR__BACKUP_HOST:
				setBackupHost((Host)null);
				return;
			case LockstepPackage.FT_PAIR__MODE:
				setMode(MODE_EDEFAULT);
				return;
			case LockstepPackage.FT_PAIR__EPOCH_MILLIS:
				setEpochMillis(EPOCH_MILLIS_EDEFAULT);
				return;
			case LockstepPackage.FT_PAIR__TARGET_LAG_MILLIS:
				setTargetLagMillis(TARGET_LAG_MILLIS_EDEFAULT);
				return;
			case LockstepPackage.FT_PAIR__STATE:
				setState(STATE_EDEFAULT);
				return;
			case LockstepPackage.FT_PAIR__STATISTICS:
				setStatistics((FtStatistics)null);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case LockstepPackage.FT_PAIR__PRIMARY:
				return primary != null;
			case LockstepPackage.FT_PAIR__PRIMARY_HOST:
				return primaryHost != null;
			case LockstepPackage.FT_PAIR__BACKUP_HOST:
				return backupHost != null;
			case LockstepPackage.FT_PAIR__MODE:
				return mode != MODE_EDEFAULT;
			case LockstepPackage.FT_PAIR__EPOCH_MILLIS:
				return epochMillis != EPOCH_MILLIS_EDEFAULT;
			case LockstepPackage.FT_PAIR__TARGET_LAG_MILLIS:
				return targetLagMillis != TARGET_LAG_MILLIS_EDEFAULT;
			case LockstepPackage.FT_PAIR__STATE:
				return state != STATE_EDEFAULT;
			case LockstepPackage.FT_PAIR__STATISTICS:
				return statistics != null;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (mode: ");
		result.append(mode);
		result.append(", epochMillis: ");
		result.append(epochMillis);
		result.append(", targetLagMillis: ");
		result.append(targetLagMillis);
		result.append(", state: ");
		result.append(state);
		result.append(')');
		return result.toString();
	}

} //FtPairImpl
